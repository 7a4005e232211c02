// @dubkit/emulator: a local Dub Partners API with the real server's semantics, for tests and offline work.

export { PLANS, type Plan, planLimits } from "@dubkit/contract";
export type { ApplicationInput } from "./add-application.js";
export type {
  ApplicationFormData,
  ApplicationFormField,
  ChoiceFormField,
  ImageFormField,
  TextFormField,
  WebsiteAndSocialsFormField,
} from "./application-form.js";
export {
  EMULATOR_USAGE,
  type EmulatorCliIo,
  type EmulatorCliOptions,
  parseEmulatorArgs,
  runEmulatorCli,
} from "./cli.js";
export { DataFileLockedError, type LockHolder } from "./data-file-lock.js";
export { DubApiError, type DubErrorCode } from "./dub-error.js";
export { startEmulator } from "./emulator.js";
export type { EnrollmentMetrics } from "./enrollment-metrics.js";
export { type Fault, type FaultKind, type FaultOptions, parseFaults } from "./faults.js";
export type {
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  EnrollmentPatch,
  ExistingPartnerInput,
  WorkspaceInfo,
} from "./options.js";
export type {
  ApplicationRecord,
  BannedReason,
  EnrollmentRecord,
  EnrollmentStatus,
  LinkRecord,
  PartnerRecord,
} from "./records.js";
export { type ApiResponse, defaultProgram, json, jsonBody, type RouteContext } from "./route-context.js";
export type { Route, RouteAccess } from "./route-table.js";
export type { EmulatorSeed, SeedPartner } from "./seed-data.js";
export { parseOrThrow } from "./validation.js";
export type {
  ApiKeyConfig,
  DefaultLinkConfig,
  GroupConfig,
  Membership,
  ProgramConfig,
  Role,
  WorkspaceConfig,
} from "./workspace.js";
