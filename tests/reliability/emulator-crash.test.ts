// The emulator killed (SIGKILL) under load and restarted on its data file, five times: several SDK clients create
// partners concurrently; after a seeded number of 201s the process is killed; every partner whose create got a 201
// must be there after the restart, and nothing may be enrolled twice, also once the failed creates are retried.

import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterAll, describe, expect, it } from "vitest";
import { killLeftoverChildren } from "./support/child-processes.js";
import { type EmulatorBin, startEmulatorBin } from "./support/emulator-bin.js";
import { duplicates, enrolledEmails } from "./support/enrolled-emails.js";
import { reportBlock, reproduce } from "./support/reliability-report.js";
import { between, seededRandom } from "./support/seeded-random.js";

afterAll(killLeftoverChildren);

const SEED = 4242;
const ROUNDS = 5;
const CLIENTS = 4;
const CONCURRENCY = 8;

/** Every email the server lists, walking all pages. */
async function listedEmails(emulator: EmulatorBin): Promise<string[]> {
  await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
  const emails: string[] = [];
  for await (const partner of dub.partners.list({ pageSize: 100 }))
    emails.push((partner.email ?? "").toLowerCase());
  return emails;
}

/**
 * Creates partners from `CLIENTS` clients, `CONCURRENCY` at a time each, until `stop` is called; returns the emails
 * that got a 201 and those whose create failed.
 */
function load(emulator: EmulatorBin, round: number) {
  const acknowledged = new Set<string>();
  const failed = new Set<string>();
  let stopped = false;
  let next = 0;
  const clients = Array.from(
    { length: CLIENTS },
    () => new Dub({ token: emulator.apiKey, serverURL: emulator.url, retries: { strategy: "none" } }),
  );
  const worker = async (dub: Dub) => {
    while (!stopped) {
      const email = `crash-r${round}-${next++}@example.com`;
      try {
        await dub.partners.create({ email, name: `Round ${round}` });
        acknowledged.add(email);
      } catch {
        failed.add(email);
        // The server is gone: stop this worker instead of spinning on refused connections.
        if (stopped) return;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    }
  };
  const running = clients.flatMap((dub) => Array.from({ length: CONCURRENCY }, () => worker(dub)));
  return {
    acknowledged,
    failed,
    stop: async () => {
      stopped = true;
      await Promise.all(running);
      await Promise.all(clients.map((dub) => dub.close()));
    },
  };
}

describe("emulator crash", () => {
  it("emulator crash: kill -9 under load, 5 times; every 201 is there after each restart", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dubkit-crash-"));
    const dataFile = join(dir, "emulator.log");
    const random = seededRandom(SEED);
    const killAfter = Array.from({ length: ROUNDS }, () => between(random, 100, 400));
    const binArgs = ["--data", dataFile, "--seed", String(SEED), "--no-rate-limit", "--quiet"];
    const everAcknowledged = new Set<string>();
    let emulator = await startEmulatorBin(binArgs);

    for (let round = 0; round < ROUNDS; round++) {
      const traffic = load(emulator, round);
      while (traffic.acknowledged.size < killAfter[round]!)
        await new Promise((resolve) => setTimeout(resolve, 2));
      const killed = await emulator.stop("SIGKILL");
      expect(killed.signal).toBe("SIGKILL");
      await traffic.stop();
      for (const email of traffic.acknowledged) everAcknowledged.add(email);

      // Restarted on the same file: the dead holder's lock is taken over, and every 201 is there.
      emulator = await startEmulatorBin(binArgs);
      const listed = await listedEmails(emulator);
      expect(duplicates(listed)).toEqual([]);
      const missing = [...everAcknowledged].filter((email) => !listed.includes(email));
      expect(missing, `round ${round}: acknowledged creates lost by the crash`).toEqual([]);

      // The creates that failed (in flight at the kill, or refused while it was down) are retried: each lands once.
      await using dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url });
      for (const email of traffic.failed) await dub.partners.create({ email, name: `Round ${round}` });
      for (const email of traffic.failed) everAcknowledged.add(email);
    }
    expect((await emulator.stop()).code).toBe(0);

    // The data file, replayed in a fresh emulator: exactly what was acknowledged, each once.
    await using replayed = await startEmulator({ dataFile });
    const emails = enrolledEmails(replayed);
    expect(duplicates(emails)).toEqual([]);
    expect(new Set(emails)).toEqual(everAcknowledged);

    const markdown = [
      `Seed ${SEED}: \`dubkit-emulator --data …\` in its own process; ${CLIENTS} SDK clients × ${CONCURRENCY} ` +
        "concurrent creates (no retries), distinct emails.",
      "",
      `- Kills survived: **${ROUNDS}** (\`kill -9\` of the emulator once ${killAfter.join(", ")} creates had been ` +
        "acknowledged in the round; more were in flight).",
      "- After each restart on the same data file: every partner whose create got a 201 was listed, none twice; " +
        "the creates that had failed were sent again and each landed exactly once.",
      "- At the end, the data file replayed in a fresh emulator held exactly the acknowledged partners, each once.",
      "",
      `Reproduce: ${reproduce("emulator crash")}`,
    ].join("\n");
    expect(reportBlock("emulator-crash", markdown)).toBeUndefined();
  }, 120_000);
});
