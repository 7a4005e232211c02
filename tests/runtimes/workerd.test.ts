// workerd, from the npm package `workerd`: the smoke program bundled as a Worker module, resolved with the
// conditions a Workers bundler uses, runs inside workerd and reaches the emulator with the Worker's own fetch.
import { join } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundle } from "../support/bundle.js";
import { useEmulator } from "../support/emulator.js";
import { expectSmokePassed, type SmokeReport, smokeConfig, smokeDir } from "../support/smoke.js";
import { type RunningWorker, startWorker } from "../support/workerd.js";

const emulator = useEmulator();
let worker: RunningWorker | undefined;

beforeAll(async () => {
  const { code, forbidden } = await bundle({ entry: join(smokeDir, "worker.mjs") }, "worker", false);
  expect(forbidden, "the Worker bundle imports Node built-ins or undici").toEqual([]);
  worker = await startWorker(code);
});
afterAll(async () => {
  await worker?.stop();
});

test("workerd runs the smoke program in a Worker, calling the emulator with the Worker's fetch", async () => {
  if (!worker) throw new Error("workerd did not start; see the beforeAll error above.");
  const response = await worker.request("/", {
    method: "POST",
    body: JSON.stringify(smokeConfig(emulator(), "workerd")),
  });
  const text = await response.text();
  if (response.status !== 200)
    throw new Error(`workerd: the smoke program failed inside the Worker.\n${text}`);
  const report = JSON.parse(text) as Pick<SmokeReport, "runtime" | "result">;
  expect(report.runtime).toBe("Cloudflare-Workers");
  expectSmokePassed(report.result);
});
