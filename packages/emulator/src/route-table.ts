// The emulator's routes: method and path, who may call them (withWorkspace's options per route), and the handler.
// Adding an endpoint is one handler file in handlers/ and one line here.

import type { Plan } from "@dubkit/contract";
import { approvePartnerApplicationHandler } from "./handlers/approve-partner-application.js";
import { banPartnerHandler } from "./handlers/ban-partner.js";
import { createPartnerHandler } from "./handlers/create-partner.js";
import { createPartnerLinkHandler } from "./handlers/create-partner-link.js";
import { deactivatePartnerHandler } from "./handlers/deactivate-partner.js";
import { getLinkInfoHandler } from "./handlers/get-link-info.js";
import { listPartnerApplicationsHandler } from "./handlers/list-partner-applications.js";
import { listPartnersHandler } from "./handlers/list-partners.js";
import { rejectPartnerApplicationHandler } from "./handlers/reject-partner-application.js";
import { retrievePartnerAnalyticsHandler } from "./handlers/retrieve-partner-analytics.js";
import { retrievePartnerLinksHandler } from "./handlers/retrieve-partner-links.js";
import { upsertPartnerLinkHandler } from "./handlers/upsert-partner-link.js";
import type { ApiResponse, RouteContext } from "./route-context.js";
import type { Role } from "./workspace.js";

/** The options a route passes to withWorkspace (partners-program-behavior.md §0.1). */
export interface RouteAccess {
  /** Roles allowed; absent: any role (viewer and billing included). */
  roles?: readonly Role[];
  /** A permission the key's role (and a restricted key's scopes) must grant: `links.write` for the link upsert. */
  permission?: "links.write" | "links.read";
  /** Which rate limit applies: the per-minute API bucket or the per-second analytics bucket. */
  rateLimit: "api" | "analytics";
  /** Plans allowed; absent: the partner program's (business, advanced, enterprise). */
  plans?: readonly Plan[];
}

/** One route. */
export interface Route {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  access: RouteAccess;
  handler: (context: RouteContext) => ApiResponse | Promise<ApiResponse>;
}

const OWNER_MEMBER: readonly Role[] = ["owner", "member"];

/** Every route the emulator serves. */
export const ROUTES: readonly Route[] = [
  {
    method: "POST",
    path: "/partners",
    access: { roles: OWNER_MEMBER, rateLimit: "api" },
    handler: createPartnerHandler,
  },
  { method: "GET", path: "/partners", access: { rateLimit: "api" }, handler: listPartnersHandler },
  {
    method: "POST",
    path: "/partners/ban",
    access: { roles: OWNER_MEMBER, rateLimit: "api" },
    handler: banPartnerHandler,
  },
  {
    method: "POST",
    path: "/partners/deactivate",
    access: { roles: OWNER_MEMBER, rateLimit: "api" },
    handler: deactivatePartnerHandler,
  },
  {
    method: "GET",
    path: "/partners/applications",
    access: { rateLimit: "api" },
    handler: listPartnerApplicationsHandler,
  },
  {
    method: "POST",
    path: "/partners/applications/approve",
    access: { roles: OWNER_MEMBER, rateLimit: "api" },
    handler: approvePartnerApplicationHandler,
  },
  {
    method: "POST",
    path: "/partners/applications/reject",
    access: { roles: OWNER_MEMBER, rateLimit: "api" },
    handler: rejectPartnerApplicationHandler,
  },
  {
    method: "POST",
    path: "/partners/links",
    access: { roles: OWNER_MEMBER, rateLimit: "api" },
    handler: createPartnerLinkHandler,
  },
  {
    method: "GET",
    path: "/partners/links",
    access: { roles: OWNER_MEMBER, rateLimit: "api" },
    handler: retrievePartnerLinksHandler,
  },
  {
    method: "PUT",
    path: "/partners/links/upsert",
    access: { permission: "links.write", rateLimit: "api" },
    handler: upsertPartnerLinkHandler,
  },
  {
    method: "GET",
    path: "/partners/analytics",
    access: { rateLimit: "analytics" },
    handler: retrievePartnerAnalyticsHandler,
  },
  {
    method: "GET",
    path: "/links/info",
    access: {
      permission: "links.read",
      rateLimit: "api",
      plans: ["free", "pro", "business", "advanced", "enterprise"],
    },
    handler: getLinkInfoHandler,
  },
];
