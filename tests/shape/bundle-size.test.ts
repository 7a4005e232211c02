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

// Measured budgets (BENCHMARKS.md has the figures and what each bundle is made of): every standalone operation
// carries zod/mini's core (about 4.5 KB), the transport and errors (about 6.3 KB) and its own schemas.
const budgets = [
  {
    name: "Dub with all 11 operations",
    limit: 24 * KB,
    source: `import { Dub } from "@dubkit/partners";
export const create = (token, body) => new Dub({ token }).partners.create(body);`,
  },
  standalone("createPartner", 16.75 * KB),
  standalone("listPartners", 17.75 * KB),
  standalone("createPartnerLink", 16.75 * KB),
  standalone("retrievePartnerLinks", 13.5 * KB),
  standalone("upsertPartnerLink", 16.75 * KB),
  standalone("retrievePartnerAnalytics", 16 * KB),
  standalone("banPartner", 14 * KB),
  standalone("deactivatePartner", 13.75 * KB),
  standalone("listPartnerApplications", 15.5 * KB),
  standalone("approvePartnerApplication", 13.75 * KB),
  standalone("rejectPartnerApplication", 15 * KB),
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
