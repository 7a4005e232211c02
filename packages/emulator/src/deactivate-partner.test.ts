import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner, dubError } from "./http-test-client.js";
import type { Emulator } from "./options.js";

const VIEWER = "dub_viewer000000000000000000";
const NO_PROGRAM = "dub_noprogram00000000000000";
const TWO_LINKS = "dub_twolinks0000000000000000";

let emulator: Emulator;
let clock = Date.UTC(2026, 10, 3, 9);
beforeEach(async () => {
  emulator = await startEmulator({
    seed: 41,
    clock: () => clock,
    workspaces: [
      { apiKeys: [VIEWER], role: "viewer" },
      { apiKeys: [NO_PROGRAM], program: null },
      {
        apiKeys: [TWO_LINKS],
        program: {
          groups: [
            {
              slug: "default",
              clickRewardId: "rw_click",
              defaultLinks: [
                { domain: "go.acme.test", url: "https://acme.test" },
                { domain: "try.acme.test", url: "https://acme.test/try" },
              ],
            },
          ],
        },
      },
    ],
  });
});
afterEach(() => emulator.stop());

const deactivate = (body: unknown, key?: string) =>
  call(emulator, "POST", "/partners/deactivate", { body, key });
const statusMessage = (status: string) =>
  `Only partners with an "approved" or "archived" status can be deactivated. The partner's status in this program is "${status}".`;

describe("POST /partners/deactivate", () => {
  it("deactivates: status, rewards cleared, links without an expiry expire now, none disabled, the ban fields kept", async () => {
    const jane = (await createPartner(emulator, { email: "jane@example.com", name: "Jane" }, TWO_LINKS)).body;
    expect(jane.clickRewardId).toBe("rw_click");
    clock += 60_000;
    const res = await deactivate({ partnerId: jane.id }, TWO_LINKS);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ partnerId: jane.id });
    const now = new Date(clock).toISOString();
    const listed = (await call(emulator, "GET", "/partners", { key: TWO_LINKS })).body[0];
    expect(listed).toMatchObject({
      status: "deactivated",
      clickRewardId: null,
      bannedAt: null,
      bannedReason: null,
    });
    expect(listed.links).toEqual(jane.links);
    const links = emulator.links();
    expect(links).toHaveLength(2);
    for (const link of links) {
      expect(link.expiresAt).toBe(now);
      expect(link.disabledAt).toBeUndefined();
    }
  });

  it("leaves the expiry of a link that already has one", async () => {
    const dated = (
      await createPartner(emulator, {
        email: "dated@example.com",
        linkProps: { expiresAt: "2030-01-01T00:00:00Z" },
      })
    ).body;
    await deactivate({ partnerId: dated.id });
    const [link] = emulator.links();
    expect(link?.expiresAt).toBeUndefined();
    expect(link?.props.expiresAt).toBe("2030-01-01T00:00:00Z");
  });

  it("finds the partner by tenantId alone, and answers with its id", async () => {
    const jane = (await createPartner(emulator, { email: "jane@example.com", tenantId: "t-jane" })).body;
    expect((await deactivate({ tenantId: "t-jane" })).body).toEqual({ partnerId: jane.id });
    expect(emulator.enrollments()[0]?.status).toBe("deactivated");
  });

  it("deactivates approved and archived partners only; a second call names the new status", async () => {
    const archived = (await createPartner(emulator, { email: "archived@example.com" })).body;
    await emulator.updateEnrollment(archived.id, { status: "archived" });
    expect((await deactivate({ partnerId: archived.id })).status).toBe(200);
    expect((await deactivate({ partnerId: archived.id })).body).toEqual(
      dubError("bad_request", statusMessage("deactivated")),
    );
    for (const status of ["banned", "rejected", "invited", "declined"] as const) {
      const { id } = (await createPartner(emulator, { email: `${status}@example.com` })).body;
      await emulator.updateEnrollment(id, { status });
      expect((await deactivate({ partnerId: id })).body).toEqual(
        dubError("bad_request", statusMessage(status)),
      );
    }
    const applicant = await emulator.addApplication({ email: "applicant@example.com" });
    expect((await deactivate({ partnerId: applicant.partnerId })).body).toEqual(
      dubError("bad_request", statusMessage("pending")),
    );
  });

  it("checks in the server's order: JSON, schema, identity, then the program (always), tenantId, enrollment", async () => {
    expect((await deactivate("")).body).toEqual(
      dubError(
        "bad_request",
        "Invalid JSON format in request body. Please ensure the request body is a valid JSON object.",
      ),
    );
    expect((await deactivate([])).body).toEqual(
      dubError("unprocessable_entity", "invalid_type: : Invalid input: expected object, received array"),
    );
    expect((await deactivate({ tenantId: 7 })).body).toEqual(
      dubError(
        "unprocessable_entity",
        "invalid_type: tenantId: Invalid input: expected string, received number",
      ),
    );
    expect((await deactivate({}, NO_PROGRAM)).body).toEqual(
      dubError("bad_request", "Either `partnerId` or `tenantId` must be provided."),
    );
    expect((await deactivate({ partnerId: "pn_1" }, NO_PROGRAM)).body).toEqual(
      dubError("not_found", "Program not found"),
    );
    expect((await deactivate({ tenantId: "t-nobody" })).body).toEqual(
      dubError("not_found", "Partner with tenantId t-nobody not found in program."),
    );
    const programId = emulator.workspaces()[0]?.programId;
    expect((await deactivate({ partnerId: "pn_nobody" })).body).toEqual(
      dubError("not_found", `Partner pn_nobody is not enrolled in program ${programId}.`),
    );
    expect((await deactivate({ partnerId: "pn_1" }, VIEWER)).status).toBe(403);
  });
});
