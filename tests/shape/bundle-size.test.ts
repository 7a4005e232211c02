// Bundle-size budgets, minified and gzipped, for the browser: what an app pays for `new Dub()` with one call, and
// for each tree-shaken standalone operation with its `DubCore`. Each standalone operation has a budget of its own,
// so adding an operation can never grow another operation's bundle unnoticed. A failure lists the inputs that take
// the most room. Figures and what they are made of: BENCHMARKS.md.
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { bundle, largestInputs } from "../support/bundle.js";
import { smokeDir } from "../support/smoke.js";

const KB = 1024;

/** `name`: the standalone function; `call`: how the app calls it. */
const standalone = (name: string, limit: number, call = `${name}(new DubCore({ token }), input)`) => ({
  name: `${name} standalone`,
  limit,
  source: `import { DubCore, ${name} } from "@dubkit/partners";
export const run = (token, input) => ${call};`,
});

const budgets = [
  {
    name: "Dub + partners.create",
    limit: 18.5 * KB,
    source: `import { Dub } from "@dubkit/partners";
export const create = (token, body) => new Dub({ token }).partners.create(body);`,
  },
  standalone("createPartner", 16.5 * KB),
  standalone("listPartners", 16 * KB),
];

describe.concurrent.each(budgets)("$name", ({ name, limit, source }) => {
  test(`fits in ${limit / KB} KB minified + gzip (browser)`, async () => {
    const { code, metafile } = await bundle({ source, resolveDir: smokeDir }, "browser");
    const gzipped = gzipSync(code).byteLength;
    console.info(`${name}: ${code.length} bytes minified, ${gzipped} bytes gzipped (budget ${limit})`);
    expect(
      gzipped,
      `${name} is ${gzipped} bytes gzipped, over its ${limit}-byte budget. Largest inputs (minified bytes):\n${largestInputs(metafile)}`,
    ).toBeLessThanOrEqual(limit);
  });
});
