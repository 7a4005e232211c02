// A full disk: the emulator runs under a file-size limit (`ulimit -f`, with SIGXFSZ ignored, so a write past it fails
// with EFBIG as on a full disk). Every create the SDK saw acknowledged must survive a restart, every failed one must
// be absent (the SDK sees a 5XX it can retry), and once there is room again, retrying them enrolls each once. The
// CLI's --local emulator on a full disk fails a create with the server-error exit code and no stack trace.
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startEmulator } from "@dubkit/emulator";
import { Dub, InternalServerError } from "@dubkit/partners";
import { afterAll, describe, expect, it } from "vitest";
import { killLeftoverChildren, startChild } from "./support/child-processes.js";
import { isolatedEnv } from "./support/dubkit-cli.js";
import { startEmulatorBin } from "./support/emulator-bin.js";
import { duplicates, enrolledEmails } from "./support/enrolled-emails.js";
import { cliBin } from "./support/paths.js";
import { reportBlock, reproduce } from "./support/reliability-report.js";

afterAll(killLeftoverChildren);

const LIMIT_KIB = 16;
const CREATES = 40;

describe("disk full", () => {
  const lines: string[] = [];

  it("disk full: the emulator acknowledges only what it kept, and a restart holds exactly that", async () => {
    const dir = await mkdtemp(join(tmpdir(), "dubkit-diskfull-"));
    const dataFile = join(dir, "emulator.log");
    const args = ["--data", dataFile, "--seed", "9", "--no-rate-limit", "--quiet"];
    const full = await startEmulatorBin(args, { fileSizeLimitKiB: LIMIT_KIB });
    const acknowledged: string[] = [];
    const failed: string[] = [];
    {
      await using dub = new Dub({
        token: full.apiKey,
        serverURL: full.url,
        retries: { strategy: "backoff", backoff: { initialInterval: 10, maxInterval: 20 } },
      });
      for (let i = 0; i < CREATES; i++) {
        const email = `full${i}@example.com`;
        try {
          await dub.partners.create({ email, name: `Full ${i}` });
          acknowledged.push(email);
        } catch (error) {
          // The only failure allowed: Dub's 500, which the SDK retried and which a later retry can fix.
          expect(InternalServerError.isInstance(error), String(error)).toBe(true);
          failed.push(email);
        }
      }
    }
    expect(acknowledged.length).toBeGreaterThan(3);
    expect(failed.length).toBeGreaterThan(3);
    expect((await full.stop()).code).toBe(0);

    // Restarted with room on the disk: exactly the acknowledged creates are there.
    const roomy = await startEmulatorBin(args);
    {
      await using dub = new Dub({ token: roomy.apiKey, serverURL: roomy.url });
      const listed: string[] = [];
      for await (const partner of dub.partners.list({ pageSize: 100 })) listed.push(partner.email ?? "");
      expect(listed.sort()).toEqual([...acknowledged].sort());
      for (const email of failed) await dub.partners.create({ email });
    }
    expect((await roomy.stop()).code).toBe(0);
    await using replayed = await startEmulator({ dataFile });
    const emails = enrolledEmails(replayed);
    expect(duplicates(emails)).toEqual([]);
    expect(emails.length).toBe(CREATES);
    // How many fit under the limit depends on the records' exact sizes (timestamps, generated ids): the counts go to
    // the test log, and the block states what holds on every run.
    console.info(`disk full: ${acknowledged.length} acknowledged, ${failed.length} refused`);
    lines.push(
      `- \`dubkit-emulator --data …\` under \`ulimit -f ${LIMIT_KIB}\`: ${CREATES} creates through the SDK ` +
        "(retries on) until the file could take no more: the first ones acknowledged, every later one failed with " +
        "`InternalServerError` (Dub's 500, retried by the SDK, still failing). After a restart with room: exactly " +
        `the acknowledged ones listed; the failed ones retried: ${CREATES} partners, each once.`,
    );
  }, 60_000);

  it("disk full: dubkit --local on a full disk exits 7 with a message, and nothing half-written", async () => {
    const env = await isolatedEnv();
    const codes: number[] = [];
    // Under an 8 KiB limit the local data file holds a few partners; creates go on until one is refused.
    for (let i = 0; i < 30 && !codes.includes(7); i++) {
      const script = `trap '' XFSZ; ulimit -f 8; exec "$0" "$@"`;
      const run = startChild(
        "bash",
        [
          "-c",
          script,
          process.execPath,
          cliBin,
          "--local",
          "partners",
          "create",
          "--email",
          `local${i}@example.com`,
          "--retries",
          "0",
        ],
        { env },
      );
      const result = await run.done;
      expect([0, 7], result.stderr).toContain(result.code);
      expect(result.stderr).not.toMatch(/\n\s+at /);
      if (result.code === 7) expect(result.stderr).toMatch(/^dubkit: /m);
      codes.push(result.code ?? -1);
    }
    expect(codes.at(-1)).toBe(7);
    const kept = codes.filter((code) => code === 0).length;
    // With room again, the local state holds exactly the creates that succeeded.
    const list = await startChild(
      process.execPath,
      [cliBin, "--local", "partners", "list", "--all", "--format", "jsonl"],
      { env },
    ).done;
    expect(list.code, list.stderr).toBe(0);
    const listed = list.stdout.trim().split("\n").filter(Boolean);
    expect(listed.length).toBe(kept);
    console.info(`disk full, --local: ${kept} creates succeeded before the file was full`);
    lines.push(
      "- `dubkit --local partners create` under `ulimit -f 8`: creates succeeded until the file was full, then one " +
        "exited 7 (server error) with a `dubkit:` message and no stack trace; `partners list --all` afterwards " +
        "showed exactly the ones that succeeded.",
    );
    const markdown = [...lines, "", `Reproduce: ${reproduce("disk full")}`].join("\n");
    expect(reportBlock("disk-full", markdown)).toBeUndefined();
  }, 60_000);
});
