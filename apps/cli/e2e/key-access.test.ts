// What a key may do, as whoami and login show it (one request that changes nothing tells an owner's or member's key
// from a viewer's), and what a read-only key gets from the commands that write: exit 3 with a hint.

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

const spawning = { timeout: 60_000 };
const VIEWER = "dub_viewerviewerviewerview01";
const BILLING = "dub_billingbillingbillingbi1";
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    seed: 61,
    workspaces: [
      { apiKeys: [VIEWER], role: "viewer" },
      { apiKeys: [BILLING], role: "billing" },
    ],
  });
});
afterAll(async () => {
  await emulator.stop();
});

const env = (key: string) => isolatedEnv({ DUB_API_KEY: key, DUB_API_URL: emulator.url });

describe("whoami and login show the key's role", spawning, () => {
  it("says an owner's key can write, and a viewer's or billing member's is read-only", async () => {
    const owner = await runCli(["whoami"], await env(emulator.apiKey));
    expect(owner.code, owner.stderr).toBe(0);
    expect(owner.stdout).toMatch(/^Role {6}can write$/m);
    expect(JSON.parse((await runCli(["whoami", "--json"], await env(emulator.apiKey))).stdout)).toMatchObject(
      {
        ok: true,
        canWrite: true,
      },
    );
    for (const key of [VIEWER, BILLING]) {
      const reader = await runCli(["whoami"], await env(key));
      expect(reader.code, reader.stderr).toBe(0);
      expect(reader.stdout).toMatch(/^Role {6}read-only \(viewer or billing\)$/m);
      expect(JSON.parse((await runCli(["whoami", "--json"], await env(key))).stdout).canWrite).toBe(false);
    }
  });

  it("says it when login saves the key", async () => {
    const e = await isolatedEnv({ DUB_API_URL: emulator.url });
    const login = await runCli(["login"], e, VIEWER);
    expect(login.code, login.stderr).toBe(0);
    expect(login.stderr).toMatch(
      /^Saved dub_…ew01 as profile "default" \(.+; no partners yet; read-only \(viewer or billing\)\) in /,
    );
  });
});

describe("a read-only key on the commands that write", spawning, () => {
  it("exits 3 from links create with Dub's role message and a hint", async () => {
    const result = await runCli(
      ["partners", "links", "create", "--partner-id", "pn_0000000000000000000000000"],
      await env(VIEWER),
    );
    expect(result).toMatchObject({ code: 3, stdout: "" });
    expect(result.stderr).toBe(
      "dubkit: You don't have the required role to access this endpoint. Required role(s): owner, member.\n" +
        "        This key can only read (a viewer's or billing member's); use the key of an owner or member of the workspace.\n",
    );
  });

  it("exits 3 from links upsert, which needs the links.write permission", async () => {
    const result = await runCli(
      [
        "partners",
        "links",
        "upsert",
        "--partner-id",
        "pn_0000000000000000000000000",
        "--url",
        "https://acme.test",
        "--json",
      ],
      await env(VIEWER),
    );
    expect(result.code).toBe(3);
    expect(JSON.parse(result.stderr).error).toMatchObject({
      code: "forbidden",
      status: 403,
      message: expect.stringContaining(
        "Having the 'links.write' permission would allow this request to continue.",
      ),
      hint: "Use a key with the links.write permission (an owner's or member's, with the links.write or apis.all scope).",
    });
  });
});
