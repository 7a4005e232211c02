import { createSDKError } from "@dubkit/core";
import { startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { describe, expect, it } from "vitest";
import type { ApiClient } from "../api-client.js";
import type { SendRow } from "../import/row-decision.js";
import { approveJob } from "./approve-job.js";

function dubError(status: number, message: string, code = "bad_request") {
  return createSDKError({
    statusCode: status,
    body: JSON.stringify({ error: { code, message } }),
    headers: new Headers(),
    method: "POST",
    url: "http://127.0.0.1/partners/applications/approve",
  });
}

function row(body: Record<string, unknown>): SendRow {
  return {
    kind: "send",
    line: 2,
    raw: { cells: [] },
    key: "k",
    hash: "00000001",
    body,
    sentAt: undefined,
    finishedBefore: undefined,
  };
}

// Classifying an error sends nothing, so the job gets a client it never uses.
const unused = {} as ApiClient;

describe("the approval job's outcomes", () => {
  const job = approveJob(unused, "vip");

  it("counts Dub's 'already approved' as done (existing), never as a failure", () => {
    const already = dubError(400, "This enrollment cannot be approved because it is already approved.");
    expect(job.outcomeOfError(already, false, row({ partnerId: "pn_1" }))).toEqual({
      kind: "done",
      outcome: "existing",
      id: "pn_1",
    });
  });

  it("keeps a refusal about the row itself, final, with its field", () => {
    expect(
      job.outcomeOfError(
        dubError(400, "This enrollment cannot be approved because it is already banned."),
        false,
        row({ partnerId: "pn_1" }),
      ),
    ).toMatchObject({ kind: "failed", retryable: false, failure: { status: 400, field: "partnerId" } });
    expect(
      job.outcomeOfError(
        dubError(404, "Program enrollment not found.", "not_found"),
        false,
        row({ partnerId: "pn_1" }),
      ),
    ).toMatchObject({ kind: "failed", retryable: false, failure: { status: 404, field: "partnerId" } });
    expect(
      job.outcomeOfError(
        dubError(404, 'Group "gold" not found.', "not_found"),
        false,
        row({ partnerId: "pn_1", groupId: "gold" }),
      ),
    ).toMatchObject({ kind: "failed", retryable: false, failure: { field: "groupId" } });
  });

  it("stops the run when --group-id names no group, or at the partner quota", () => {
    const group = dubError(404, 'Group "vip" not found.', "not_found");
    expect(job.outcomeOfError(group, false, row({ partnerId: "pn_1", groupId: "vip" }))).toEqual({
      kind: "fatal",
      error: group,
    });
    const quota = dubError(
      403,
      "You've reached your partners limit of 500 for your current plan.",
      "forbidden",
    );
    expect(job.outcomeOfError(quota, false, row({ partnerId: "pn_1" }))).toEqual({
      kind: "fatal",
      error: quota,
    });
  });

  it("sends a server error again next time", () => {
    expect(
      job.outcomeOfError(dubError(503, "down", "http_503"), false, row({ partnerId: "pn_1" })),
    ).toMatchObject({
      kind: "failed",
      retryable: true,
    });
  });
});

describe("the approval job's sends", () => {
  it("approves a tenantId's partner by id, and sends nothing for one approved already", async () => {
    const lines: string[] = [];
    await using emulator = await startEmulator({
      port: 0,
      rateLimit: false,
      seed: 8,
      log: (line) => lines.push(line),
    });
    await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
    const client: ApiClient = { dub, serverURL: emulator.url, close: () => dub.close() };
    await dub.partners.create({ email: "ana@example.com", name: "Ana", tenantId: "user_ana" });
    const carla = await emulator.addApplication({ email: "carla@example.com", name: "Carla" });
    await emulator.updateEnrollment("carla@example.com", { tenantId: "user_carla" });
    const job = approveJob(client, undefined);
    const signal = new AbortController().signal;
    lines.length = 0;

    expect(await job.send({ tenantId: "user_carla" }, signal)).toEqual({
      partnerId: carla.partnerId,
      already: false,
    });
    expect(emulator.enrollments().find((e) => e.partnerId === carla.partnerId)?.status).toBe("approved");
    const ana = await job.send({ tenantId: "user_ana" }, signal);
    expect(ana.already).toBe(true);
    expect(job.outcomeOf(ana, row({ tenantId: "user_ana" }), Date.now())).toMatchObject({
      kind: "done",
      outcome: "existing",
    });
    expect(lines.filter((line) => line.startsWith("POST /partners/applications/approve"))).toHaveLength(1);
    expect(job.lookups()).toBe(2);
    await expect(job.send({ tenantId: "user_nobody" }, signal)).rejects.toThrow(
      'no partner with tenantId "user_nobody"',
    );
    expect(
      job.outcomeOfError(
        await job.send({ tenantId: "user_nobody" }, signal).catch((e: unknown) => e),
        false,
        row({ tenantId: "user_nobody" }),
      ),
    ).toMatchObject({
      kind: "failed",
      retryable: false,
      failure: { field: "tenantId", status: 404 },
    });
  });
});
