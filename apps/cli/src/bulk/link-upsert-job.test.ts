import { createSDKError } from "@dubkit/core";
import { startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../api-client.js";
import type { SendRow } from "../import/row-decision.js";
import { linkFailure, linkUpsertJob } from "./link-upsert-job.js";

function dubError(status: number, message: string, code = "bad_request") {
  return createSDKError({
    statusCode: status,
    body: JSON.stringify({ error: { code, message } }),
    headers: new Headers(),
    method: "PUT",
    url: "http://127.0.0.1/partners/links/upsert",
  });
}

const row = (body: Record<string, unknown>): SendRow => ({
  kind: "send",
  line: 2,
  raw: { cells: [] },
  key: "k",
  hash: "00000001",
  body,
  sentAt: undefined,
  finishedBefore: undefined,
});

describe("whose fault a failed upsert is", () => {
  it.each([
    [
      400,
      "The provided URL's domain (other.test) does not match the program's link domains.",
      { scope: "row", field: "url" },
    ],
    [409, "Duplicate key: This short link already exists.", { scope: "row", field: "key" }],
    [
      409,
      "A link with this externalId already exists in this workspace.",
      { scope: "row", field: "linkProps.externalId" },
    ],
    [404, "Partner not found.", { scope: "row", field: "partnerId" }],
    [
      403,
      "favicon.ico is a reserved path and cannot be used as a short link.",
      { scope: "row", field: "key" },
    ],
    [
      400,
      "You need to set a domain and url for this program before upserting a partner link.",
      { scope: "workspace" },
    ],
    [404, "Program not found", { scope: "workspace" }],
    [
      403,
      "The provided key does not have the required permissions for this endpoint on the workspace 'ws_1'. Having the 'links.write' permission would allow this request to continue.",
      { scope: "workspace" },
    ],
    [503, "Service Unavailable", { scope: "other" }],
  ])("%i %s", (status, message, expected) => {
    expect(linkFailure(dubError(status, message))).toEqual(expected);
  });
});

describe("the upsert job's sends", () => {
  it("sends a tenantId's row by the partner's id, so another partner's link to the URL is left alone", async () => {
    await using emulator = await startEmulator({ port: 0, rateLimit: false, seed: 9 });
    await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
    const client: ApiClient = { dub, serverURL: emulator.url, close: () => dub.close() };
    const ana = await dub.partners.create({ email: "ana@example.com", name: "Ana", tenantId: "user_ana" });
    const bo = await dub.partners.create({ email: "bo@example.com", name: "Bo", tenantId: "user_bo" });
    const anas = await dub.partners.upsertLink({
      partnerId: ana.id,
      url: "https://acme.test/shared",
      key: "ana-shared",
    });
    const job = linkUpsertJob(client);
    const sentAt = Date.now();
    const link = await job.send(
      { tenantId: "user_bo", url: "https://acme.test/shared", key: "bo-shared" },
      new AbortController().signal,
    );
    expect(job.outcomeOf(link, row({}), sentAt)).toEqual({ kind: "done", outcome: "created", id: link.id });
    const byUrl = emulator.links().filter((l) => l.url === "https://acme.test/shared");
    expect(byUrl.map((l) => [l.partnerId, l.key]).sort()).toEqual(
      [
        [ana.id, "ana-shared"],
        [bo.id, "bo-shared"],
      ].sort(),
    );
    expect(byUrl.find((l) => l.id === anas.id)?.partnerId).toBe(ana.id);
    expect(job.lookups()).toBe(1);
  });
});
