import { describe, expectTypeOf, it } from "vitest";
import {
  type ClientOptions,
  Conflict,
  DubError,
  defineOperation,
  type OperationInput,
  type OperationOutput,
  RateLimitExceeded,
  type RequestOptions,
  type RetryConfig,
  SDKError,
  type StandardSchemaV1,
} from "./index.js";

function schema<I, O = I>(): StandardSchemaV1<I, O> {
  return { "~standard": { version: 1, vendor: "test", validate: (value) => ({ value: value as O }) } };
}

describe("RetryConfig", () => {
  it("accepts the official SDK's shapes", () => {
    expectTypeOf({
      strategy: "backoff",
      backoff: { initialInterval: 500, maxInterval: 60_000, exponent: 1.5, maxElapsedTime: 3_600_000 },
      retryConnectionErrors: true,
    } as const).toExtend<RetryConfig>();
    expectTypeOf({ strategy: "none" } as const).toExtend<RetryConfig>();
    expectTypeOf({ strategy: "backoff", backoff: { initialInterval: 10 } } as const).toExtend<RetryConfig>();
  });

  it("rejects unknown strategies", () => {
    expectTypeOf({ strategy: "linear" } as const).not.toExtend<RetryConfig>();
  });
});

describe("RequestOptions and ClientOptions", () => {
  it("take the documented fields", () => {
    expectTypeOf<RequestOptions>().toHaveProperty("signal").toEqualTypeOf<AbortSignal | undefined>();
    expectTypeOf<RequestOptions>().toHaveProperty("timeoutMs").toEqualTypeOf<number | undefined>();
    expectTypeOf<ClientOptions>()
      .toHaveProperty("debug")
      .toEqualTypeOf<boolean | ((line: string) => void) | undefined>();
    expectTypeOf({ token: "dub_x", fetch: globalThis.fetch }).toExtend<ClientOptions>();
  });
});

describe("defineOperation", () => {
  it("infers the input from the body schema and the output from the response schema", () => {
    const op = defineOperation({
      id: "createThing",
      method: "POST",
      path: "/things",
      body: schema<{ email: string }>(),
      response: schema<unknown, { id: string }>(),
    });
    expectTypeOf<OperationInput<typeof op>>().toEqualTypeOf<{ email: string }>();
    expectTypeOf<OperationOutput<typeof op>>().toEqualTypeOf<{ id: string }>();
  });

  it("types prepare and recover with the operation's input and output", () => {
    defineOperation({
      id: "banThing",
      method: "POST",
      path: "/things/ban",
      body: schema<{ thingId: string }>(),
      response: schema<unknown, { thingId: string }>(),
      retry: "idempotent",
      prepare: (input) => ({ thingId: input.thingId.trim() }),
      recover: (_error, { input }) => ({ thingId: input.thingId }),
    });
    defineOperation({
      id: "banThing",
      method: "POST",
      path: "/things/ban",
      body: schema<{ thingId: string }>(),
      response: schema<unknown, { thingId: string }>(),
      // @ts-expect-error recover must return the operation's output
      recover: () => ({ id: 1 }),
    });
  });

  it("rejects an unknown method", () => {
    // @ts-expect-error TRACE is not an operation method
    defineOperation({ id: "x", method: "TRACE", path: "/", response: schema<unknown>() });
  });
});

describe("isInstance", () => {
  it("narrows to the class it is called on", () => {
    const value: unknown = null;
    if (RateLimitExceeded.isInstance(value)) {
      expectTypeOf(value).toEqualTypeOf<RateLimitExceeded>();
      expectTypeOf(value.retryAfterMs).toEqualTypeOf<number | undefined>();
    }
    if (Conflict.isInstance(value)) expectTypeOf(value.statusCode).toEqualTypeOf<number>();
    if (SDKError.isInstance(value)) expectTypeOf(value.headers).toEqualTypeOf<Headers>();
    if (DubError.isInstance(value)) expectTypeOf(value).toEqualTypeOf<DubError>();
  });

  it("StandardSchemaV1 is the spec's own type", () => {
    expectTypeOf<StandardSchemaV1.InferOutput<StandardSchemaV1<string, number>>>().toEqualTypeOf<number>();
  });
});
