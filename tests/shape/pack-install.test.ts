// Installs the packed tarballs into a fresh project with npm, outside the workspace, and runs the smoke program
// there: missing `files`, a wrong `exports` map or a dependency that only exists in the workspace fails here,
// as it would for a user. Only the packages' external dependencies come from the npm registry.
import { copyFile, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, test } from "vitest";
import type { Manifest } from "../support/packages.js";
import { runToSuccess } from "../support/run-process.js";
import { machineNode } from "../support/runtimes.js";
import { expectSmokePassed, runSmokeEntry, smokeDir } from "../support/smoke.js";

const packed = inject("packed");
const node = machineNode().executable;
// npm and the `dubkit` bin start with `#!/usr/bin/env node`: put the machine's Node first, as a user's PATH would.
const userPath = { PATH: `${dirname(node)}${delimiter}${process.env.PATH ?? ""}` };
const smokeFiles = ["steps.mjs", "main.mjs", "import.mjs", "require.cjs"];
let project: string;
let emulator: { url: string; apiKey: string; stop(): Promise<void> } | undefined;

beforeAll(async () => {
  project = await mkdtemp(join(tmpdir(), "dubkit-install-"));
  await writeFile(
    join(project, "package.json"),
    JSON.stringify({ name: "dubkit-install-check", private: true }),
  );
  await Promise.all(smokeFiles.map((file) => copyFile(join(smokeDir, file), join(project, file))));
  await runToSuccess(
    "npm",
    ["install", "--no-audit", "--no-fund", "--ignore-scripts", ...packed.map((p) => p.tarball)],
    { label: "npm install of the packed tarballs", cwd: project, env: userPath, killAfterMs: 110_000 },
  );
  // The installed emulator, loaded with require from the fresh project, serves the smoke runs below.
  const { startEmulator } = createRequire(join(project, "package.json"))("@dubkit/emulator");
  emulator = await startEmulator({ port: 0, host: "127.0.0.1" });
}, 120_000);
afterAll(async () => {
  await emulator?.stop();
  if (project) await rm(project, { recursive: true, force: true });
});

function installedEmulator() {
  if (!emulator)
    throw new Error("The installed @dubkit/emulator did not start; see the beforeAll error above.");
  return emulator;
}

describe("the packed tarballs installed with npm in a fresh project", () => {
  test("install every package from its tarball, with no workspace: range left in any manifest", async () => {
    const lock = JSON.parse(await readFile(join(project, "package-lock.json"), "utf8")) as {
      packages: Record<string, { resolved?: string; version?: string }>;
    };
    for (const { name, manifest } of packed) {
      const entry = lock.packages[`node_modules/${name}`];
      expect(entry?.resolved, `${name} should come from its tarball`).toMatch(/^file:/);
      const installed = JSON.parse(
        await readFile(join(project, "node_modules", name, "package.json"), "utf8"),
      ) as Manifest;
      expect(installed.version).toBe(manifest.version);
      const workspaceRanges = Object.entries(installed.dependencies ?? {}).filter(([, range]) =>
        range.startsWith("workspace:"),
      );
      expect(workspaceRanges, `${name} still has workspace: dependencies`).toEqual([]);
    }
  });

  test.each([
    { loadedAs: "import", entry: "import.mjs", build: "dist/index.js" },
    { loadedAs: "require", entry: "require.cjs", build: "dist/index.cjs" },
  ])("run the smoke program with the packages loaded by $loadedAs", async ({ loadedAs, entry, build }) => {
    const report = await runSmokeEntry(node, [join(project, entry)], installedEmulator(), {
      label: `installed packages (${loadedAs})`,
      cwd: project,
    });
    expect(report.resolved).toContain(join(project, "node_modules/@dubkit/partners", build));
    expectSmokePassed(report.result);
  });
});

describe("the installed types, in a Workers-style TypeScript project", () => {
  // lib es2022 + dom and no @types/node, as in a Cloudflare Worker or a browser app; skipLibCheck off, so every
  // .d.ts of dubkit (and of zod, which the contract's types use) is checked; exactOptionalPropertyTypes on, so an
  // option passed as `undefined` must be allowed by the types.
  const consumer = `import { Dub, DubCore, createPartner, type ClientOptions, type EnrolledPartner } from "@dubkit/partners";
import { createPartnerBody, type CreatePartnerRequest } from "@dubkit/partners/schemas";
import { createTransport, type Limiter } from "@dubkit/fetch";
declare const env: { DUB_API_KEY?: string };
const options: ClientOptions = { token: env.DUB_API_KEY, serverURL: undefined, timeoutMs: undefined, debug: undefined };
const dub = new Dub(options);
const request: CreatePartnerRequest = { email: "jane@example.com", name: undefined, tenantId: undefined };
export const created: Promise<EnrolledPartner> = dub.partners.create(request, { signal: undefined, headers: undefined });
export const standalone = createPartner(new DubCore({ token: env.DUB_API_KEY }), { email: "a@b.co" });
export const shape = createPartnerBody.shape.email;
export const limiter: Limiter = { acquire: () => undefined, maxRateLimitRetries: undefined };
export const transport = createTransport({ token: "dub_x", limiter });
export const disposed: Promise<void> = dub[Symbol.asyncDispose]();
`;

  test("compile with skipLibCheck off, exactOptionalPropertyTypes on, and no Node types", async () => {
    await writeFile(join(project, "consumer.ts"), consumer);
    await writeFile(
      join(project, "tsconfig.json"),
      JSON.stringify({
        compilerOptions: {
          target: "ES2022",
          lib: ["ES2022", "DOM"],
          module: "ESNext",
          moduleResolution: "Bundler",
          strict: true,
          exactOptionalPropertyTypes: true,
          skipLibCheck: false,
          types: [],
          noEmit: true,
        },
        files: ["consumer.ts"],
      }),
    );
    const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
    await runToSuccess(node, [tsc, "-p", project], {
      label: "tsc on the Workers-style consumer",
      cwd: project,
    });
  });

  test("ship no @internal member, no source map and no reference to unshipped sources", async () => {
    const { readdir } = await import("node:fs/promises");
    for (const { name } of packed) {
      const dist = join(project, "node_modules", name, "dist");
      for (const file of await readdir(dist, { recursive: true })) {
        const path = join(dist, String(file));
        expect(String(file), `${name} ships a source map`).not.toMatch(/\.map$/);
        if (!/\.(c?js|d\.c?ts)$/.test(String(file))) continue;
        const text = await readFile(path, "utf8");
        expect(text, `${name}/${file} points at a source map`).not.toMatch(/sourceMappingURL/);
        expect(text, `${name}/${file} has an @internal member`).not.toMatch(/@internal/);
      }
    }
  });
});

test("the CLI's `dubkit` bin from the installed @dubkit/cli runs and prints its version", async () => {
  const cli = packed.find((p) => p.name === "@dubkit/cli");
  if (!cli) throw new Error("@dubkit/cli was not packed: is apps/cli missing or private?");
  const { stdout } = await runToSuccess(join(project, "node_modules/.bin/dubkit"), ["--version"], {
    label: "the installed dubkit bin",
    cwd: project,
    env: userPath,
  });
  expect(stdout).toContain(cli.manifest.version);
});
