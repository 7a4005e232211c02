// What a write command says when its request got no answer but may have reached Dub (a connection reset after the
// request was sent, a timeout): the change may have been applied, how to see whether it was, and whether to repeat.

import { singleQuote } from "./completion/shell-quote.js";

/** The command that failed, as the error report sees it: its path, its options and its arguments. */
export interface FailedCommand {
  /** `dubkit partners create`. */
  path: string;
  options: Record<string, unknown>;
  args: readonly string[];
}

/** How a write that got no answer is told. */
export interface UnansweredWrite {
  /** What may have happened, e.g. "the create may have been applied (Dub may have enrolled the partner)". */
  effect: string;
  /** What to do about it. */
  hint: string;
}

/** A value as a shell word, quoted only when it has to be. */
function word(value: string): string {
  return /^[\w@.+:/=-]+$/.test(value) ? value : singleQuote(value);
}

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value !== "" ? value : undefined;

/** `dubkit partners get …` for the partner the command named (by its id argument, or by a flag). */
function partnerGet(options: Record<string, unknown>, partnerId?: string): string {
  const id = partnerId ?? text(options.partnerId);
  if (id !== undefined) return `dubkit partners get ${word(id)}`;
  const tenantId = text(options.tenantId);
  if (tenantId !== undefined) return `dubkit partners get --tenant-id ${word(tenantId)}`;
  const email = text(options.email);
  // `partners create --data FILE` may name the email only in the file.
  return `dubkit partners get --email ${email === undefined ? "EMAIL" : word(email)}`;
}

/** `--partner-id …` (or the tenant id or email) as the command named the partner. */
function partnerFlags(options: Record<string, unknown>): string {
  const id = text(options.partnerId);
  if (id !== undefined) return `--partner-id ${word(id)}`;
  const tenantId = text(options.tenantId);
  if (tenantId !== undefined) return `--tenant-id ${word(tenantId)}`;
  const email = text(options.email);
  return email !== undefined ? `--email ${word(email)}` : "--partner-id ID";
}

type Describe = (command: FailedCommand) => UnansweredWrite;

// Each write command: what it may have done, how to look, and whether running it again is safe (Dub's behaviour
// for a repeat, partners-behavior.md and partners-program-behavior.md).
const WRITES: Record<string, Describe> = {
  "dubkit partners create": ({ options }) => ({
    effect: "the create may have been applied (Dub may have enrolled the partner)",
    hint:
      "Running the same create again is safe: Dub returns the partner it enrolled, never a second one. " +
      `Check with: ${partnerGet(options)}`,
  }),
  "dubkit partners links create": ({ options }) => ({
    effect: "the link create may have been applied (Dub may have created the link)",
    hint:
      "Look before creating it again: without --key a repeat draws another key and makes a second link. " +
      `Check with: dubkit partners links list ${partnerFlags(options)}`,
  }),
  "dubkit partners links upsert": ({ options }) => ({
    effect: "the upsert may have been applied (Dub may have created or updated the link)",
    hint:
      "Running the same upsert again is safe: it finds the link by its URL. " +
      `Check with: dubkit partners links list ${partnerFlags(options)}`,
  }),
  "dubkit partners ban": ({ options }) => ({
    effect: "the ban may have been applied (Dub may have banned the partner)",
    hint:
      "Running the same ban again is safe: Dub answers that the partner is already banned. " +
      `Check with: ${partnerGet(options)}`,
  }),
  "dubkit partners deactivate": ({ options }) => ({
    effect: "the deactivation may have been applied (Dub may have deactivated the partner)",
    hint:
      "Running the same command again is safe: Dub answers with the partner's status. " +
      `Check with: ${partnerGet(options)}`,
  }),
  "dubkit partners applications approve": ({ options, args }) => ({
    effect: "the approval may have been applied (Dub may have approved the application)",
    hint:
      "Running the same approve again is safe: Dub answers that the application is already approved. " +
      `Check with: ${partnerGet(options, text(args[0]))}`,
  }),
  "dubkit partners applications reject": ({ options, args }) => ({
    effect: "the rejection may have been applied (Dub may have rejected the application)",
    hint: `Look before running it again. Check with: ${partnerGet(options, text(args[0]))}`,
  }),
};

/** How to tell a write of `command` that got no answer, or undefined when the command writes nothing. */
export function unansweredWrite(command: FailedCommand | undefined): UnansweredWrite | undefined {
  const describe = command === undefined ? undefined : WRITES[command.path];
  return describe === undefined || command === undefined ? undefined : describe(command);
}
