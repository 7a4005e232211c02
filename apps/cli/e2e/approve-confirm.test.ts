// The confirmation of a bulk approval on a real terminal (tmux): after the plan, the count is asked about; n changes
// nothing and exits 1, y approves them all with the progress bar drawn.

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv } from "./run-cli.js";
import { killTmux, startInTmux, tmux, waitForScreen } from "./tmux.js";

let emulator: Emulator;
beforeAll(async () => {
  emulator = await startEmulator({ port: 0, rateLimit: false, seed: 73 });
  for (const name of ["Ana", "Bo", "Cy"]) {
    await emulator.addApplication({ email: `${name.toLowerCase()}@example.com`, name });
  }
});
afterAll(async () => {
  await emulator.stop();
});

const approved = () => emulator.enrollments().filter((e) => e.status === "approved").length;

/** Runs a bulk approval in tmux, answers the count's question with `key`, and returns the screen at the end. */
async function approveAll(socket: string, key: string): Promise<string> {
  const env = await isolatedEnv({
    DUB_API_KEY: emulator.apiKey,
    DUB_API_URL: emulator.url,
    TERM: "xterm-256color",
  });
  try {
    startInTmux(socket, env, ["partners", "applications", "approve", "--all-pending"]);
    const asked = await waitForScreen(socket, (screen) => screen.includes("Approve 3 applications? [y/N]"));
    expect(asked).toMatch(/^Plan: 3 rows in pending applications: 3 to send/m);
    tmux(socket, "send-keys", "-t", "dubkit", "-l", key);
    tmux(socket, "send-keys", "-t", "dubkit", "Enter");
    return await waitForScreen(socket, (screen) => screen.includes("EXIT="));
  } finally {
    killTmux(socket);
  }
}

describe("the confirmation of a bulk approval on a terminal", { timeout: 60_000 }, () => {
  it("approves nothing on n, and exits 1", async () => {
    const screen = await approveAll(`dubkit-e2e-approve-n-${process.pid}`, "n");
    expect(screen).toContain("Cancelled: nothing was approved.");
    expect(screen).toContain("EXIT=1");
    expect(approved()).toBe(0);
  });

  it("approves every application on y, with the progress bar", async () => {
    const screen = await approveAll(`dubkit-e2e-approve-y-${process.pid}`, "y");
    expect(screen).toMatch(/█+ 100% \| 3 done, 0 failed, 0 left/);
    expect(screen).toContain("Approval finished: 3 approved, 0 already approved, 0 failed, 0 skipped");
    expect(screen).toContain("EXIT=0");
    expect(approved()).toBe(3);
  });
});
