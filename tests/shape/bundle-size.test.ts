// Bundle-size budgets, minified and gzipped, for the browser: what an app pays for `new Dub().partners.create()`,
// and for the tree-shaken standalone `createPartner`. A failure lists the inputs that take the most room.
import { gzipSync } from "node:zlib";
import { describe, expect, test } from "vitest";
import { bundle, largestInputs } from "../support/bundle.js";
import { smokeDir } from "../support/smoke.js";

const KB = 1024;

const budgets = [
  {
    name: "Dub + partners.create",
    limit: 8 * KB,
    source: `import { Dub } from "@dubkit/partners";
export const create = (token, body) => new Dub({ token }).partners.create(body);`,
  },
  {
    name: "createPartner standalone",
    limit: 6 * KB,
    source: `import { DubCore, createPartner } from "@dubkit/partners";
export const create = (token, body) => createPartner(new DubCore({ token }), body);`,
  },
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
