// A create whose connection is reset after Dub applied it, on every attempt: the CLI must not say "Could not reach"
// (the partner exists), but that the create may have been applied, and what to do; what it says to do must work.

import { startEmulator } from "@dubkit/emulator";
import { expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

it("partners create after a reset-after-apply on every attempt: says the create may have been applied and how to check, exit 8", {
  timeout: 60_000,
}, async () => {
  // The first six requests (two runs of three attempts: the default two retries) are applied, then reset.
  const emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    seed: 3,
    faults: "reset-after@1,2,3,4,5,6",
  });
  try {
    const env = await isolatedEnv({ DUB_API_KEY: emulator.apiKey });
    const args = ["--base-url", emulator.url, "partners", "create", "--email", "jane@example.com"];
    const check = "Check with: dubkit partners get --email jane@example.com";

    const text = await runCli(args, env);
    expect(text.code).toBe(8);
    expect(text.stdout).toBe("");
    const [message, hint, ...rest] = text.stderr.trimEnd().split("\n");
    expect(message).toMatch(
      /^dubkit: No answer from Dub, so the create may have been applied \(Dub may have enrolled the partner\): the connection to POST http:\/\/127\.0\.0\.1:\d+\/partners failed before an answer arrived \(.+\)\.$/,
    );
    expect(hint?.trim()).toBe(
      `Running the same create again is safe: Dub returns the partner it enrolled, never a second one. ${check}`,
    );
    expect(rest).toEqual([]);
    expect(text.stderr).not.toMatch(/could not reach|check the network/i);

    const json = await runCli([...args, "--json"], env);
    expect(json.code).toBe(8);
    expect(json.stdout).toBe("");
    const { error } = JSON.parse(json.stderr);
    expect(error).toMatchObject({
      code: "connection_error",
      message: expect.stringMatching(/^No answer from Dub, so the create may have been applied/),
      hint: expect.stringContaining(check),
    });
    expect(Object.keys(error)).toEqual(["code", "message", "hint"]);

    // Every attempt was applied: one partner, and the check the hint gives finds it.
    expect(emulator.stats()).toMatchObject({ requests: 6, creates: 1, faults: { "reset-after": 6 } });
    expect(emulator.partners().map((p) => p.email)).toEqual(["jane@example.com"]);
    const got = await runCli(
      ["--base-url", emulator.url, "partners", "get", "--email", "jane@example.com", "--json"],
      env,
    );
    expect(got.code, got.stderr).toBe(0);
    expect(JSON.parse(got.stdout)).toMatchObject({ email: "jane@example.com" });
    // And running the same create again, as the hint says is safe, returns that partner without a second one.
    const again = await runCli([...args, "--json"], env);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).id).toBe(emulator.partners()[0]?.id);
    expect(emulator.partners()).toHaveLength(1);
    expect(emulator.enrollments()).toHaveLength(1);
  } finally {
    await emulator.stop();
  }
});
