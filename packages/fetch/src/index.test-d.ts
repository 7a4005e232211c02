import { type ClientOptions, defineOperation, type FetchLike, type StandardSchemaV1 } from "@dubkit/core";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  computeBackoffDelay,
  createTransport,
  parseRetryAfter,
  resolveRetryConfig,
  type Transport,
} from "./index.js";
import { createNodeFetch, type NodeFetch } from "./node.js";

describe("Standard Schema compatibility", () => {
  it("accepts zod 4 schemas with their input and output types", () => {
    const schema = z.object({ email: z.email(), tags: z.array(z.string()).default([]) });
    expectTypeOf(schema).toExtend<
      StandardSchemaV1<{ email: string; tags?: string[] | undefined }, { email: string; tags: string[] }>
    >();
  });
});

describe("Transport", () => {
  it("resolves to the operation's response type", () => {
    const op = defineOperation({
      id: "createPartner",
      method: "POST",
      path: "/partners",
      body: z.object({ email: z.email() }),
      response: z.object({ id: z.string(), links: z.array(z.object({ key: z.string() })) }),
    });
    const transport = createTransport({ token: "dub_x" });
    expectTypeOf(transport).toEqualTypeOf<Transport>();
    expectTypeOf(transport.request(op, { email: "a@b.co" })).resolves.toEqualTypeOf<{
      id: string;
      links: { key: string }[];
    }>();
    expectTypeOf(transport.serverURL).toEqualTypeOf<string>();
    expectTypeOf(transport[Symbol.asyncDispose]).returns.resolves.toBeVoid();
  });

  it("takes ClientOptions", () => {
    expectTypeOf(createTransport).parameter(0).toEqualTypeOf<ClientOptions | undefined>();
  });
});

describe("FetchLike", () => {
  it("is satisfied by WHATWG fetch and by createNodeFetch", () => {
    expectTypeOf(globalThis.fetch).toExtend<FetchLike>();
    expectTypeOf(createNodeFetch()).toEqualTypeOf<NodeFetch>();
    expectTypeOf<NodeFetch>().toExtend<FetchLike>();
    expectTypeOf<NodeFetch["close"]>().returns.resolves.toBeVoid();
  });
});

describe("retry helpers", () => {
  it("have the documented signatures", () => {
    expectTypeOf(parseRetryAfter).toBeCallableWith(new Headers(), Date.now());
    expectTypeOf(parseRetryAfter).returns.toEqualTypeOf<number | undefined>();
    expectTypeOf(computeBackoffDelay).toBeCallableWith(1, {
      initialInterval: 1,
      maxInterval: 2,
      exponent: 2,
    });
    expectTypeOf(resolveRetryConfig).toBeCallableWith({ strategy: "none" }, undefined);
  });
});
