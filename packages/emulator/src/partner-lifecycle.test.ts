// A program's partners through every transition the public API makes, seen from its read endpoints: applications
// approved and rejected, partners banned and deactivated, each change visible in GET /partners and
// GET /partners/applications as soon as the action answers.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call, createPartner } from "./http-test-client.js";
import type { Emulator } from "./options.js";

interface Listed {
  id: string;
  email: string;
  status: string;
  createdAt: string;
  bannedAt: string | null;
  bannedReason: string | null;
  links: { id: string; shortLink: string }[];
}

describe("a partner's life in the program, end to end", () => {
  let emulator: Emulator;
  let clock = Date.UTC(2026, 10, 10, 10);
  const at = () => new Date(clock).toISOString();
  beforeAll(async () => {
    emulator = await startEmulator({ seed: 81, clock: () => clock });
  });
  afterAll(() => emulator.stop());

  const post = (path: string, body: unknown) => call(emulator, "POST", path, { body });
  const listed = async (): Promise<Listed[]> =>
    (await call(emulator, "GET", "/partners?sortBy=createdAt&sortOrder=asc")).body;
  const partner = async (email: string) => (await listed()).find((p) => p.email === email);
  const pending = async (): Promise<string[]> =>
    (await call(emulator, "GET", "/partners/applications")).body.map(
      (a: { partner: { email: string } }) => a.partner.email,
    );

  let ana: Listed;
  let carlaId = "";
  let devId = "";

  it("starts with a partner created directly and two applications waiting", async () => {
    ana = (await createPartner(emulator, { email: "ana@example.com", name: "Ana" })).body;
    clock += 1000;
    carlaId = (await emulator.addApplication({ email: "carla@example.com", name: "Carla" })).partnerId;
    clock += 1000;
    devId = (await emulator.addApplication({ email: "dev@example.com", name: "Dev" })).partnerId;
    expect(await pending()).toEqual(["dev@example.com", "carla@example.com"]);
    expect((await listed()).map((p) => [p.email, p.status, p.links.length])).toEqual([
      ["ana@example.com", "approved", 1],
      ["carla@example.com", "pending", 0],
      ["dev@example.com", "pending", 0],
    ]);
  });

  it("approval: the partner is approved with their default link and leaves the applications", async () => {
    clock += 60_000;
    expect((await post("/partners/applications/approve", { partnerId: carlaId })).status).toBe(200);
    const carla = await partner("carla@example.com");
    expect(carla).toMatchObject({ status: "approved", createdAt: at() });
    expect(carla?.links.map((l) => l.shortLink)).toEqual(["https://refer.acme.test/carla"]);
    expect(await pending()).toEqual(["dev@example.com"]);
  });

  it("an instant rejection removes the enrollment, and the partner can apply again", async () => {
    await post("/partners/applications/reject", { partnerId: devId, reapplicationTimeframe: "instant" });
    expect(await partner("dev@example.com")).toBeUndefined();
    expect(await pending()).toEqual([]);
    clock += 1000;
    const again = await emulator.addApplication({ email: "dev@example.com" });
    expect(again.partnerId).toBe(devId);
    expect(await pending()).toEqual(["dev@example.com"]);
  });

  it("a standard rejection keeps the enrollment as rejected, which a later approval can still turn around", async () => {
    await post("/partners/applications/reject", { partnerId: devId, rejectionReason: "needsMoreDetail" });
    expect((await partner("dev@example.com"))?.status).toBe("rejected");
    expect(await pending()).toEqual([]);
    await expect(emulator.addApplication({ email: "dev@example.com" })).rejects.toThrow(
      "already in this program",
    );
    await post("/partners/applications/approve", { partnerId: devId });
    expect((await partner("dev@example.com"))?.status).toBe("approved");
  });

  it("a ban shows its date and reason, and the partner's links are still listed (disabled)", async () => {
    clock += 60_000;
    await post("/partners/ban", { partnerId: ana.id, reason: "brand_abuse" });
    const banned = await partner("ana@example.com");
    expect(banned).toMatchObject({ status: "banned", bannedAt: at(), bannedReason: "brand_abuse" });
    expect(banned?.links).toEqual(ana.links);
    expect(emulator.links().find((l) => l.id === ana.links[0]?.id)).toMatchObject({ disabledAt: at() });
  });

  it("a deactivation shows its status, and the links are still listed (expired)", async () => {
    const before = await partner("carla@example.com");
    await post("/partners/deactivate", { partnerId: carlaId });
    const after = await partner("carla@example.com");
    expect(after?.status).toBe("deactivated");
    expect(after?.links).toEqual(before?.links);
    expect(emulator.links().find((l) => l.id === before?.links[0]?.id)).toMatchObject({ expiresAt: at() });
    expect((await listed()).map((p) => p.status)).toEqual(["banned", "deactivated", "approved"]);
  });
});
