// Per-call overrides, in the shape of the official Dub SDK's request options.

import type { RetryConfig } from "./retry-config.js";

/** Options for one call; each overrides the client's setting for that call only. */
export interface RequestOptions {
  /** Retry behaviour for this call; `backoff` fields merge over the client's. */
  retries?: RetryConfig | undefined;
  /** Per-attempt timeout in milliseconds. Default 60000. */
  timeoutMs?: number | undefined;
  /** Aborts the call (including any wait between retries) with a `RequestAbortedError`. */
  signal?: AbortSignal | undefined;
  /** Extra request headers for this call. */
  headers?: Record<string, string> | undefined;
  /** Server URL for this call, e.g. an emulator's. */
  serverURL?: string | undefined;
}
