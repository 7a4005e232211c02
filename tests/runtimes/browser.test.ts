// A real browser: headless Chromium (Debian's package, driven by playwright-core) loads a page from one origin that
// imports the browser bundle of the packages and calls the emulator on another origin, so CORS is on the path.
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BrowserContext, chromium } from "playwright-core";
import { afterAll, beforeAll, expect, test } from "vitest";
import { bundle } from "../support/bundle.js";
import { chromiumArgs, ensureChromium } from "../support/chromium.js";
import { useEmulator } from "../support/emulator.js";
import { type PageServer, servePages } from "../support/page-server.js";
import { expectSmokePassed, type SmokeSummary, smokeConfig, smokeDir } from "../support/smoke.js";

const emulator = useEmulator();
let pages: PageServer | undefined;
let browser: BrowserContext | undefined;
let userDataDir: string | undefined;

/** The browser bundle an app's bundler would produce from the packages' browser resolution. */
const browserEntry = `export { Dub } from "@dubkit/partners";
export { Conflict, InvalidRequestError } from "@dubkit/core";
`;

beforeAll(async () => {
  const executablePath = ensureChromium();
  const library = await bundle({ source: browserEntry, resolveDir: smokeDir }, "browser");
  expect(library.forbidden, "the browser bundle imports Node built-ins or undici").toEqual([]);
  pages = await servePages({
    "/index.html": { contentType: "text/html", body: await readFile(join(smokeDir, "page.html"), "utf8") },
    "/dubkit.js": { contentType: "text/javascript", body: library.code },
    "/steps.mjs": {
      contentType: "text/javascript",
      body: await readFile(join(smokeDir, "steps.mjs"), "utf8"),
    },
  });
  userDataDir = await mkdtemp(join(tmpdir(), "dubkit-chromium-"));
  browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: chromiumArgs,
  });
}, 600_000); // installing Chromium with apt-get, when it is missing, can take minutes
afterAll(async () => {
  await browser?.close();
  await pages?.stop();
  if (userDataDir) await rm(userDataDir, { recursive: true, force: true });
});

test("Chromium runs the smoke program from a page on another origin than the emulator (CORS)", async () => {
  if (!browser || !pages)
    throw new Error("Chromium or the page server did not start; see the beforeAll error above.");
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error") problems.push(`console: ${message.text()}`);
  });
  page.on("requestfailed", (request) =>
    problems.push(`request failed: ${request.url()} ${request.failure()?.errorText}`),
  );
  try {
    await page.goto(`${pages.origin}/index.html`);
    await page.waitForFunction(() => "runSmokeInPage" in window, undefined, { timeout: 10_000 });
    const config = smokeConfig(emulator(), "chromium");
    expect(new URL(config.serverURL).origin).not.toBe(pages.origin);
    const result = await page.evaluate(
      (config) =>
        (window as unknown as { runSmokeInPage(c: unknown): Promise<SmokeSummary> }).runSmokeInPage(config),
      config,
    );
    const runtime = await page.evaluate(() => navigator.userAgent);
    expect(runtime).toContain("HeadlessChrome");
    expectSmokePassed(result);
  } catch (error) {
    const detail = problems.length > 0 ? `\nIn the page:\n${problems.join("\n")}` : "";
    throw new Error(`Chromium: ${error instanceof Error ? error.message : String(error)}${detail}`);
  } finally {
    await page.close();
  }
});
