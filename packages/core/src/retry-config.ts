// Retry settings in the shape of the official Dub SDK's `RetryConfig`, so code written for it
// keeps working, with an optional retry count on top.

/** Exponential backoff parameters, all in milliseconds except `exponent`. */
export interface BackoffStrategy {
  /** Delay before the first retry. Default 500. */
  initialInterval: number;
  /** Upper bound on any one backoff delay. Default 8000. */
  maxInterval: number;
  /** Growth factor between retries. Default 2. */
  exponent: number;
  /** No retry starts once this much time has passed since the call began. Default: no limit. */
  maxElapsedTime: number;
}

/**
 * How failed attempts are retried. `{ strategy: "none" }` disables retries. With `"backoff"`,
 * unset fields keep their defaults: 2 retries, 500 ms doubling to at most 8 s with jitter, on 408,
 * 429, 500, 502, 503, 504, connection errors and attempt timeouts. `Retry-After` is obeyed up to 60 s.
 */
export type RetryConfig =
  | { strategy: "none" }
  | {
      strategy: "backoff";
      /** Backoff parameters; unset fields keep their defaults. */
      backoff?: Partial<BackoffStrategy> | undefined;
      /** Retry connection errors and attempt timeouts too. Default true. */
      retryConnectionErrors?: boolean | undefined;
      /** Most retries after the first attempt. Default 2. */
      maxRetries?: number | undefined;
    };
