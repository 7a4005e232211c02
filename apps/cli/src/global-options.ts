// The options every command accepts, as commander hands them over, and their checks.

import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { redact } from "./redact.js";

/** Global options (`dubkit --help` lists them). */
export interface GlobalOptions {
  token?: string;
  baseUrl?: string;
  profile?: string;
  timeout?: string;
  retries?: string;
  debug?: boolean;
  /** Output and errors as JSON (every command's `--json` is the same switch). */
  json?: boolean;
  /** False with `--no-color`. */
  color: boolean;
  local?: boolean;
}

/** Parses a non-negative integer option, naming it in the error. */
export function parseCount(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < min) {
    throw new CliError(
      `${name} must be a whole number${min > 0 ? ` of at least ${min}` : ""}, got "${redact(value)}".`,
      ExitCode.usage,
      { field: name },
    );
  }
  return n;
}

/** Checks a base URL (from `source`: `--base-url`, `DUB_API_URL`, a profile) is an http(s) URL; drops trailing slashes. */
export function parseBaseUrl(value: string, source = "--base-url"): string {
  const trimmed = value.trim();
  let url: URL | undefined;
  try {
    url = new URL(trimmed);
  } catch {}
  if (url?.protocol !== "http:" && url?.protocol !== "https:") {
    throw new CliError(
      `${source} must be an http(s) URL such as https://api.dub.co, got "${redact(trimmed)}".`,
      ExitCode.usage,
      { code: "config", field: source },
    );
  }
  return trimmed.replace(/\/+$/, "");
}
