import { startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { expect, it } from "vitest";
import type { ApiClient } from "../api-client.js";
import { decideRow } from "../import/row-decision.js";
import { approvalRows } from "./approval-rows.js";
import { describePending, listPending, PENDING_HEADER, pendingRows } from "./pending-applications.js";

it("reads every page of the pending listing before anything is approved, and makes rows of it", async () => {
  const lines: string[] = [];
  await using emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    seed: 12,
    log: (line) => lines.push(line),
  });
  await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  const client: ApiClient = { dub, serverURL: emulator.url, close: () => dub.close() };
  for (let i = 0; i < 230; i++) {
    await emulator.addApplication({
      email: `a${i}@example.com`,
      name: `A ${i}`,
      country: i % 10 === 0 ? "IT" : "DE",
    });
  }
  const all = await listPending(client, {}, "vip");
  expect(all).toHaveLength(230);
  expect(new Set(all.map((cells) => cells[0])).size).toBe(230);
  expect(lines.filter((line) => line.startsWith("GET /partners/applications 200"))).toHaveLength(3);
  const first = all[0] as string[];
  expect(first[PENDING_HEADER.indexOf("groupId")]).toBe("vip");
  expect(first[PENDING_HEADER.indexOf("applicationId")]).toMatch(/^pga_/);

  const italians = await listPending(client, { country: "IT" }, undefined);
  expect(italians).toHaveLength(23);
  const describe = describePending({ country: "IT" });
  expect(describe).toBe("pending applications (country IT)");
  const rows = pendingRows(italians, approvalRows(undefined), describe);
  const context = rows.context(undefined);
  const decided = [];
  for await (const batch of rows.records())
    for (const record of batch) decided.push(decideRow(record, context));
  expect(decided.map((row) => row.line)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
  expect(decided[0]).toMatchObject({
    kind: "send",
    key: italians[0]?.[0],
    body: { applicationId: italians[0]?.[2] },
  });
  expect(decided[0]).not.toHaveProperty("body.groupId");
});
