import { type ClientOptions, defineOperation, type FetchLike, type StandardSchemaV1 } from "@dubkit/core";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import * as fetchApi from "./index.js";
import { createTransport, type Transport } from "./index.js";
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

describe("typed requests", () => {
  const op = defineOperation({
    id: "createThing",
    method: "POST",
    path: "/things",
    body: z.object({ email: z.email(), count: z.number().optional() }),
    response: z.object({ id: z.string() }),
  });
  const transport = createTransport({ token: "dub_x" });

  it("rejects a misspelt field at compile time", () => {
    // @ts-expect-error `emial` is not a field of the body
    void transport.request(op, { emial: "a@b.co" });
  });

  it("rejects a field of the wrong type at compile time", () => {
    // @ts-expect-error `count` is a number
    void transport.request(op, { email: "a@b.co", count: "3" });
  });

  it("keeps the retry policy's internals out of the public API", () => {
    expectTypeOf(fetchApi).not.toHaveProperty("computeBackoffDelay");
    expectTypeOf(fetchApi).not.toHaveProperty("resolveRetryConfig");
    expectTypeOf(fetchApi).toHaveProperty("isRetryableError");
  });
});
