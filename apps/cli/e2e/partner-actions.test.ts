// `dubkit partners ban | deactivate` on the built bin against the emulator, off a terminal: the refusal without
// --yes (nothing sent), the summary and --json with it, and the common failures with their messages and exit codes.
// The question asked on a terminal is tested in tmux (confirm.test.ts).

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

const spawning = { timeout: 60_000 };
const VIEWER = "dub_viewerviewerviewerviewer";
let emulator: Emulator;
let dub: Dub;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    seed: 47,
    workspaces: [{ id: "ws_viewer", apiKeys: [VIEWER], role: "viewer" }],
  });
  dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
});
afterAll(async () => {
  await dub.close();
  await emulator.stop();
});

const env = (extra: Record<string, string> = {}) =>
  isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUB_API_URL: emulator.url, ...extra });
const statusOf = (id: string) => emulator.enrollments().find((e) => e.partnerId === id)?.status;

describe("partners ban", spawning, () => {
  it("refuses without --yes off a terminal, and with CI set, sending nothing (exit 2)", async () => {
    const partner = await dub.partners.create({ email: "refuse@example.com", name: "Re Fuse" });
    const before = emulator.stats().requests;
    const args = ["partners", "ban", "--partner-id", partner.id, "--reason", "spam"];
    const piped = await runCli(args, await env());
    expect(piped).toMatchObject({ code: 2, stdout: "" });
    expect(piped.stderr).toBe(
      "dubkit: Refusing to ban a partner without a confirmation: this is not an interactive terminal. " +
        "Pass --yes to confirm it on the command line.\n",
    );
    const ci = await runCli([...args, "--json"], await env({ CI: "true" }));
    expect(ci.code).toBe(2);
    expect(JSON.parse(ci.stderr)).toEqual({
      error: {
        code: "confirmation_required",
        message:
          "Refusing to ban a partner without a confirmation: CI is set. Pass --yes to confirm it on the command line.",
        field: "--yes",
      },
    });
    expect(emulator.stats().requests).toBe(before);
    expect(statusOf(partner.id)).toBe("approved");
  });

  it("bans with --yes, naming the partner on stderr, and prints the API's answer with --json", async () => {
    const jane = await dub.partners.create({
      email: "jane@example.com",
      name: "Jane Doe",
      tenantId: "user_42",
    });
    const result = await runCli(
      ["partners", "ban", "--email", "jane@example.com", "--reason", "fraud", "--yes"],
      await env(),
    );
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toBe(`Banned Jane Doe <jane@example.com> (${jane.id}); reason: fraud.\n`);
    expect(emulator.enrollments().find((e) => e.partnerId === jane.id)).toMatchObject({
      status: "banned",
      bannedReason: "fraud",
    });

    const omar = await dub.partners.create({ email: "omar@example.com", tenantId: "user_7" });
    const json = await runCli(
      ["partners", "ban", "--tenant-id", "user_7", "--reason", "spam", "-y", "--json"],
      await env(),
    );
    expect(json).toMatchObject({ code: 0, stderr: "" });
    expect(JSON.parse(json.stdout)).toEqual({ partnerId: omar.id });
  });

  it("exits 2 with Dub's message and a hint when the partner is banned already", async () => {
    const partner = await dub.partners.create({ email: "twice@example.com" });
    await dub.partners.ban({ partnerId: partner.id, reason: "spam" });
    const args = ["partners", "ban", "--partner-id", partner.id, "--reason", "spam", "--yes"];
    const text = await runCli(args, await env());
    expect(text).toMatchObject({ code: 2, stdout: "" });
    expect(text.stderr).toBe(
      "dubkit: This partner is already banned from your program.\n" +
        "        Nothing was changed. See the partner's status: dubkit partners get ID (or --email, --tenant-id)\n",
    );
    const json = await runCli([...args, "--json"], await env());
    expect(JSON.parse(json.stderr)).toEqual({
      error: {
        code: "bad_request",
        message: "This partner is already banned from your program.",
        status: 400,
        hint: "Nothing was changed. See the partner's status: dubkit partners get ID (or --email, --tenant-id)",
      },
    });
  });

  it("exits 4 for a partner the program does not have, and 2 without --reason or with an unknown one", async () => {
    const e = await env();
    const missing = await runCli(
      ["partners", "ban", "--tenant-id", "user_none", "--reason", "spam", "--yes"],
      e,
    );
    expect(missing.code).toBe(4);
    expect(missing.stderr).toContain("dubkit: No partner with tenant id user_none in this program.");
    const noReason = await runCli(["partners", "ban", "--tenant-id", "user_42", "--yes"], e);
    expect(noReason.code).toBe(2);
    expect(noReason.stderr).toContain("dubkit: Required option '--reason <reason>' not specified");
    const badReason = await runCli(
      ["partners", "ban", "--tenant-id", "user_42", "--reason", "rude", "--yes"],
      e,
    );
    expect(badReason.code).toBe(2);
    expect(badReason.stderr).toContain(
      "Allowed choices are tos_violation, inappropriate_content, fake_traffic, fraud, spam, brand_abuse.",
    );
  });

  it("exits 3 with a viewer's key, which may read but not ban", async () => {
    const application = await emulator.addApplication(
      { email: "seen@example.com", name: "Seen" },
      "ws_viewer",
    );
    await emulator.updateEnrollment(application.partnerId, { status: "approved" }, "ws_viewer");
    const result = await runCli(
      ["partners", "ban", "--email", "seen@example.com", "--reason", "spam", "--yes", "--json"],
      await env({ DUB_API_KEY: VIEWER }),
    );
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).error).toEqual({
      code: "forbidden",
      message: "You don't have the required role to access this endpoint. Required role(s): owner, member.",
      status: 403,
      hint: "This key can only read (a viewer's or billing member's); use the key of an owner or member of the workspace.",
    });
  });
});

describe("partners deactivate", spawning, () => {
  it("deactivates with --yes, and exits 2 with Dub's message when there is nothing to deactivate", async () => {
    const partner = await dub.partners.create({ email: "dee@example.com", name: "Dee Active" });
    const args = ["partners", "deactivate", "--partner-id", partner.id, "--yes"];
    const result = await runCli(args, await env());
    expect(result).toMatchObject({ code: 0, stdout: "" });
    expect(result.stderr).toBe(`Deactivated Dee Active <dee@example.com> (${partner.id}).\n`);
    expect(statusOf(partner.id)).toBe("deactivated");

    const again = await runCli([...args, "--json"], await env());
    expect(again.code).toBe(2);
    expect(JSON.parse(again.stderr).error).toMatchObject({
      code: "bad_request",
      message:
        'Only partners with an "approved" or "archived" status can be deactivated. The partner\'s status in this program is "deactivated".',
      status: 400,
    });
  });

  it("refuses without --yes off a terminal (exit 2), and prints the API's answer with --json", async () => {
    const partner = await dub.partners.create({ email: "later@example.com" });
    const refused = await runCli(["partners", "deactivate", "--email", "later@example.com"], await env());
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("dubkit: Refusing to deactivate a partner without a confirmation");
    expect(statusOf(partner.id)).toBe("approved");
    const json = await runCli(
      ["partners", "deactivate", "--email", "later@example.com", "--yes", "--json"],
      await env(),
    );
    expect(JSON.parse(json.stdout)).toEqual({ partnerId: partner.id });
  });
});
