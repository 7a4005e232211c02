// `exports` conditions must keep undici and Node built-ins out of every non-Node resolution: bundling
// @dubkit/partners for the browser, for Workers and for Deno fails here, naming the importing file, if any of them
// reaches `node:*`, a bare built-in such as `fs`, or undici.
import { describe, expect, test } from "vitest";
import { bundle, type Target, targets } from "../support/bundle.js";
import { smokeDir } from "../support/smoke.js";

const entry = `export * from "@dubkit/partners";`;

describe.concurrent.each(Object.keys(targets) as Target[])(
  "the %s resolution of @dubkit/partners",
  (target) => {
    test("bundles with no undici and no Node built-in anywhere in it", async () => {
      const { metafile, forbidden } = await bundle({ source: entry, resolveDir: smokeDir }, target, false);
      expect(forbidden.map((f) => `${f.importer} imports ${f.path}`)).toEqual([]);
      const undiciFiles = Object.keys(metafile.inputs).filter((path) => /node_modules\/undici\//.test(path));
      expect(undiciFiles).toEqual([]);
    });
  },
);
