// The client's lifecycle and defaults, against the emulator.
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Dub } from "./dub.js";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: 13 });
});
afterEach(() => emulator.stop());

describe("Dub lifecycle", () => {
  it("await using closes the pooled connection when the scope ends", async () => {
    {
      await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
      await dub.partners.create({ email: "jane@example.com" });
      await dub.partners.create({ email: "jane@example.com" });
      expect(emulator.openConnections()).toBeGreaterThan(0);
    }
    await expect.poll(() => emulator.openConnections()).toBe(0);
  });

  it("reads the token from DUB_API_KEY when none is given", async () => {
    const previous = process.env.DUB_API_KEY;
    process.env.DUB_API_KEY = emulator.apiKey;
    const seen: string[] = [];
    try {
      await using dub = new Dub({
        serverURL: emulator.url,
        hooks: { beforeRequest: (context) => void seen.push(context.headers.authorization ?? "") },
      });
      await dub.partners.create({ email: "jane@example.com" });
      expect(seen).toEqual([`Bearer ${emulator.apiKey}`]);
      expect(emulator.partners()).toHaveLength(1);
    } finally {
      if (previous === undefined) delete process.env.DUB_API_KEY;
      else process.env.DUB_API_KEY = previous;
    }
  });

  it("does not load zod until the first call", async () => {
    const { execFileSync } = await import("node:child_process");
    const entry = new URL("../dist/index.js", import.meta.url).href;
    const output = execFileSync(
      process.execPath,
      [
        "--input-type=module",
        "-e",
        `const { DubCore, createPartner } = await import(${JSON.stringify(entry)});
         const before = "__zod_globalConfig" in globalThis;
         await createPartner(new DubCore({ token: "dub_x" }), { email: "not-an-email" }).catch(() => {});
         console.log(JSON.stringify({ before, after: "__zod_globalConfig" in globalThis }));`,
      ],
      { encoding: "utf8" },
    );
    expect(JSON.parse(output)).toEqual({ before: false, after: true });
  });
});
