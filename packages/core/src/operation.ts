// An operation is data: method, path, schemas, and what repeating it after an unknown outcome does. The
// transport does the rest (auth, encoding, validation, retries, errors), so adding an endpoint is one
// `defineOperation` call.

import type { StandardSchemaV1 } from "@standard-schema/spec";
import type { DubError } from "./errors/dub-error.js";

/** HTTP methods an operation may use. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * What sending an operation again does when an earlier attempt's outcome is unknown (the connection
 * dropped or timed out after the request left, or a 5XX that may have come after the change):
 * - `"idempotent"`: nothing more than the first time (reads, upserts, writes the server deduplicates), so
 *   every retryable failure is retried;
 * - `"unsafe"`: it may apply the change twice, so only failures that prove nothing was applied (429, 408, a
 *   refused connection) are retried.
 */
export type RetrySafety = "idempotent" | "unsafe";

/** What {@link Operation.recover} may use: the input as sent, and a way to make follow-up calls. */
export interface RecoveryContext<TInput> {
  /** The input of the call, after {@link Operation.prepare}. */
  input: TInput;
  /** Sends another operation through the same client, with the same signal and headers. */
  request<TOpInput, TOpOutput>(
    operation: Operation<TOpInput, TOpOutput>,
    input: TOpInput,
  ): Promise<TOpOutput>;
}

/**
 * One API endpoint. It sends its input either as a JSON body (`body`) or as query parameters
 * (`query`), never both. Inputs are validated before sending, and the schema's *output* is what is
 * sent, so keys a schema strips never leave the client. Responses are validated with `response`.
 */
export interface Operation<TInput = unknown, TOutput = unknown> {
  /** Operation id, e.g. `"createPartner"`; appears in hooks and debug logs. */
  readonly id: string;
  /** HTTP method. */
  readonly method: HttpMethod;
  /** Path appended to the server URL, e.g. `"/partners"`. */
  readonly path: string;
  /** Schema of the JSON request body. */
  readonly body?: StandardSchemaV1<TInput, unknown> | undefined;
  /** Schema of the query parameters (encoded with `URLSearchParams`; arrays repeat the key). */
  readonly query?: StandardSchemaV1<TInput, unknown> | undefined;
  /** Schema of a 2xx response body. */
  readonly response: StandardSchemaV1<unknown, TOutput>;
  /** Default: `"idempotent"` for GET, PUT and DELETE, `"unsafe"` for POST and PATCH. See {@link RetrySafety}. */
  readonly retry?: RetrySafety | undefined;
  /**
   * Completes the input before it is validated and sent, once per call (not per attempt): e.g. a link key
   * chosen on the client, so that a retry cannot create a second link.
   */
  readonly prepare?: ((input: TInput) => TInput) | undefined;
  /**
   * Called when an attempt fails with an error that is not retried, after an earlier attempt of the same call
   * may have been applied: returns the result that earlier attempt must have had (e.g. a repeated ban answers
   * "already banned", which then means the ban happened), or `undefined` to throw the error.
   */
  readonly recover?:
    | ((
        error: DubError,
        context: RecoveryContext<TInput>,
      ) => TOutput | undefined | Promise<TOutput | undefined>)
    | undefined;
}

/** The input type an operation accepts. */
export type OperationInput<O> = O extends Operation<infer I, infer _> ? I : never;

/** The output type an operation resolves to. */
export type OperationOutput<O> = O extends Operation<infer _, infer R> ? R : never;

/**
 * Declares an operation, inferring its input type from the `body`/`query` schema and its output
 * type from the `response` schema.
 */
/* @__NO_SIDE_EFFECTS__ */
export function defineOperation<TInput, TOutput>(
  operation: Operation<TInput, TOutput>,
): Operation<TInput, TOutput> {
  return operation;
}

/** Whether repeating `operation` after an unknown outcome is harmless. */
export function isIdempotent(operation: Pick<Operation, "method" | "retry">): boolean {
  return (
    (operation.retry ??
      (operation.method === "POST" || operation.method === "PATCH" ? "unsafe" : "idempotent")) ===
    "idempotent"
  );
}

/** Any operation, whatever its input and output: the constraint for functions that take one. */
// biome-ignore lint/suspicious/noExplicitAny: `any` is what lets every Operation<I, O> satisfy this constraint.
export type AnyOperation = Operation<any, any>;
