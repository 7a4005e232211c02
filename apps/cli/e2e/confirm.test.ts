// The confirmation of a destructive command on a real terminal (tmux): the question names the partner, y goes on,
// n (or Enter) changes nothing and exits 1, and with CI set nothing is asked at all.

import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isolatedEnv } from "./run-cli.js";
import { killTmux, startInTmux, tmux, waitForScreen } from "./tmux.js";

let emulator: Emulator;
let dub: Dub;
beforeAll(async () => {
  emulator = await startEmulator({
    port: 0,
    rateLimit: false,
    seed: 59,
    seedData: { applications: [{ email: "carla@example.com", name: "Carla Rossi", country: "IT" }] },
  });
  dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
});
afterAll(async () => {
  await dub.close();
  await emulator.stop();
});

const env = (extra: Record<string, string> = {}) =>
  isolatedEnv({ DUB_API_KEY: emulator.apiKey, DUB_API_URL: emulator.url, TERM: "xterm-256color", ...extra });
const statusOf = (id: string) => emulator.enrollments().find((e) => e.partnerId === id)?.status;

/** Runs `args` in tmux, answers the question with `keys`, and returns the screen once the command has exited. */
async function answer(socket: string, args: string[], question: string, keys: string, extra = {}) {
  try {
    startInTmux(socket, await env(extra), args);
    await waitForScreen(socket, (screen) => screen.includes(question));
    if (keys !== "") tmux(socket, "send-keys", "-t", "dubkit", "-l", keys);
    tmux(socket, "send-keys", "-t", "dubkit", "Enter");
    return await waitForScreen(socket, (screen) => screen.includes("EXIT="));
  } finally {
    killTmux(socket);
  }
}

describe("the confirmation of ban, deactivate and reject on a terminal", { timeout: 60_000 }, () => {
  it("asks before banning, naming the partner, and bans on y", async () => {
    const jane = await dub.partners.create({ email: "jane@example.com", name: "Jane Doe" });
    const question = `Ban Jane Doe <jane@example.com> (${jane.id}) from the program? [y/N]`;
    const screen = await answer(
      `dubkit-e2e-ban-y-${process.pid}`,
      ["partners", "ban", "--email", "jane@example.com", "--reason", "fraud"],
      question,
      "y",
    );
    expect(screen).toContain(`${question} y`);
    expect(screen).toContain(`Banned Jane Doe <jane@example.com> (${jane.id}); reason: fraud.`);
    expect(screen).toContain("EXIT=0");
    expect(statusOf(jane.id)).toBe("banned");
  });

  it("changes nothing on n, or on Enter alone, and exits 1", async () => {
    const omar = await dub.partners.create({ email: "omar@example.com", name: "Omar Haddad" });
    const question = `Deactivate Omar Haddad <omar@example.com> (${omar.id})? Their links will expire. [y/N]`;
    const args = ["partners", "deactivate", "--partner-id", omar.id];
    for (const [keys, name] of [
      ["n", "n"],
      ["", "enter"],
    ] as const) {
      const screen = await answer(`dubkit-e2e-deactivate-${name}-${process.pid}`, args, question, keys);
      expect(screen).toContain(
        `dubkit: Cancelled: Omar Haddad <omar@example.com> (${omar.id}) was not deactivated.`,
      );
      expect(screen).toContain("EXIT=1");
      expect(statusOf(omar.id)).toBe("approved");
    }
  });

  it("stops on Ctrl-C at the question with exit 130, changing nothing", async () => {
    const partner = await dub.partners.create({ email: "ctrl@example.com", name: "Ctrl C" });
    const socket = `dubkit-e2e-ctrl-c-${process.pid}`;
    try {
      startInTmux(socket, await env(), ["partners", "ban", "--partner-id", partner.id, "--reason", "spam"]);
      await waitForScreen(socket, (screen) => screen.includes("[y/N]"));
      tmux(socket, "send-keys", "-t", "dubkit", "C-c");
      const screen = await waitForScreen(socket, (s) => s.includes("EXIT="));
      expect(screen).toContain("EXIT=130");
      expect(statusOf(partner.id)).toBe("approved");
    } finally {
      killTmux(socket);
    }
  });

  it("asks before rejecting an application, saying when they may apply again", async () => {
    const carla = emulator.partners().find((p) => p.email === "carla@example.com")?.id as string;
    const screen = await answer(
      `dubkit-e2e-reject-${process.pid}`,
      ["partners", "applications", "reject", carla, "--reapply", "instant"],
      `Reject the application of Carla Rossi <carla@example.com> (${carla})? (they may apply again at once) [y/N]`,
      "yes",
    );
    expect(screen).toContain("Rejected the application of Carla Rossi");
    expect(screen).toContain("EXIT=0");
    // An instant rejection deletes the enrollment.
    expect(statusOf(carla)).toBeUndefined();
  });

  it("never asks with CI set, even on a terminal: it refuses without --yes (exit 2)", async () => {
    const partner = await dub.partners.create({ email: "ci@example.com" });
    const socket = `dubkit-e2e-ci-${process.pid}`;
    try {
      startInTmux(socket, await env({ CI: "1" }), [
        "partners",
        "ban",
        "--partner-id",
        partner.id,
        "--reason",
        "spam",
      ]);
      const screen = await waitForScreen(socket, (s) => s.includes("EXIT="));
      expect(screen).toContain("EXIT=2");
      expect(screen).toContain("dubkit: Refusing to ban a partner without a confirmation: CI is set.");
      expect(screen).not.toContain("[y/N]");
      expect(statusOf(partner.id)).toBe("approved");
    } finally {
      killTmux(socket);
    }
  });
});
