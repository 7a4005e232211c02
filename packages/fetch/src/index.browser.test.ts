import { defineOperation } from "@dubkit/core";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import * as browser from "./index.browser.js";
import * as main from "./index.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

const createThing = defineOperation({
  id: "createThing",
  method: "POST",
  path: "/things",
  body: z.object({ email: z.email() }),
  response: z.object({ id: z.string() }),
});

let server: TestServer | undefined;

afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("the browser entry", () => {
  it("exports the same names as the main entry", () => {
    expect(Object.keys(browser).sort()).toEqual(Object.keys(main).sort());
  });

  it("sends with the global fetch and adds no User-Agent of its own, even given a product token", async () => {
    server = await startTestServer((_request, response) => sendJson(response, 201, { id: "pn_1" }));
    await using transport = browser.createTransport({
      token: "dub_TESTtoken0123456789abcd",
      serverURL: server.url,
      userAgent: "my-app/1.0",
    });

    await expect(transport.request(createThing, { email: "a@b.co" })).resolves.toEqual({ id: "pn_1" });
    expect(server.requests[0]?.headers.authorization).toBe("Bearer dub_TESTtoken0123456789abcd");
    expect(server.requests[0]?.headers["user-agent"]).not.toMatch(/dubkit|my-app/);
  });
});
