// An operation is data: method, path and schemas. The transport does the rest (auth, encoding,
// validation, retries, errors), so adding an endpoint is one `defineOperation` call.

import type { StandardSchemaV1 } from "./standard-schema.js";

/** HTTP methods an operation may use. */
export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * One API endpoint. It sends its input either as a JSON body (`body`) or as query parameters
 * (`query`), never both. Inputs are validated before sending, and the schema's *output* is what is
 * sent, so keys a schema strips never leave the client. Responses are validated with `response`.
 */
export interface Operation<TInput = unknown, TOutput = unknown> {
  /** Operation id, e.g. `"createPartner"`; appears in hooks and debug logs. */
  id: string;
  /** HTTP method. */
  method: HttpMethod;
  /** Path appended to the server URL, e.g. `"/partners"`. */
  path: string;
  /** Schema of the JSON request body. */
  body?: StandardSchemaV1<TInput, unknown>;
  /** Schema of the query parameters (encoded with `URLSearchParams`; arrays repeat the key). */
  query?: StandardSchemaV1<TInput, unknown>;
  /** Schema of a 2xx response body. */
  response: StandardSchemaV1<unknown, TOutput>;
}

/** The input type an operation accepts. */
export type OperationInput<O> = O extends Operation<infer I, unknown> ? I : never;

/** The output type an operation resolves to. */
export type OperationOutput<O> = O extends Operation<unknown, infer R> ? R : never;

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
