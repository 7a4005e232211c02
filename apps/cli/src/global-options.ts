// The options every command accepts, as commander hands them over, and their checks.

import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";

/** Global options (`dubkit --help` lists them). */
export interface GlobalOptions {
  token?: string;
  baseUrl?: string;
  timeout?: string;
  retries?: string;
  debug?: boolean;
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
      `${name} must be a whole number${min > 0 ? ` of at least ${min}` : ""}, got "${value}".`,
      ExitCode.usage,
    );
  }
  return n;
}

/** Checks `--base-url` is an http(s) URL. */
export function parseBaseUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError(
      `--base-url must be a URL such as https://api.dub.co, got "${value}".`,
      ExitCode.usage,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new CliError(`--base-url must use http or https, got "${value}".`, ExitCode.usage);
  }
  return value.replace(/\/+$/, "");
}
