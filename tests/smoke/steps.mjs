// The smoke program every runtime runs: the first calls a user makes, against a running emulator. It takes the
// library as an argument so that each runtime can load the packages its own way (import, require, a bundle), and
// it uses nothing but ECMAScript and the packages, so the same file runs in Node, Bun, Deno, workerd and a browser.

class SmokeFailure extends Error {
  constructor(step, message) {
    super(`${step}: ${message}`);
    this.name = "SmokeFailure";
  }
}

function check(step, condition, message) {
  if (!condition) throw new SmokeFailure(step, message);
}

function describe(value) {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  return `a resolved value (${JSON.stringify(value)?.slice(0, 200)})`;
}

async function rejectionOf(call) {
  try {
    return { resolved: await call() };
  } catch (error) {
    return { error };
  }
}

/**
 * Runs the smoke steps and resolves to a summary, or rejects with a `SmokeFailure` naming the step that failed.
 *
 * @param {{ Dub: any, Conflict: any, InvalidRequestError: any }} lib `Dub` from `@dubkit/partners`, the errors
 *   from `@dubkit/core`, loaded however the runtime under test loads them.
 * @param {{ serverURL: string, token: string, tag: string }} config the emulator, and a tag that keeps this run's
 *   partners apart from other runtimes' runs against the same emulator.
 */
export async function runSmoke(lib, config) {
  const { Dub, Conflict, InvalidRequestError } = lib;
  const email = (name) => `${config.tag}-${name}@example.com`;
  const tenantId = (name) => `${config.tag}-${name}`;
  const dub = new Dub({ token: config.token, serverURL: config.serverURL, retries: { strategy: "none" } });
  try {
    const a = await dub.partners.create({ email: email("a"), name: "Smoke A", tenantId: tenantId("t1") });
    check("create", typeof a.id === "string" && a.id.startsWith("pn_"), `expected an id pn_…, got ${a.id}`);
    check("create", a.email === email("a"), `expected email ${email("a")}, got ${a.email}`);
    const b = await dub.partners.create({ email: email("b"), name: "Smoke B", tenantId: tenantId("t2") });
    check("create", b.id !== a.id, "a second email returned the first partner");

    // B's email with A's tenantId: the tenantId belongs to another partner, so the server answers 409.
    const conflict = await rejectionOf(() =>
      dub.partners.create({ email: email("b"), tenantId: tenantId("t1") }),
    );
    check(
      "conflict",
      conflict.error instanceof Conflict,
      `expected Conflict, got ${describe(conflict.error ?? conflict.resolved)}`,
    );
    check("conflict", Conflict.isInstance(conflict.error), "Conflict.isInstance() is false for a Conflict");
    check(
      "conflict",
      conflict.error.statusCode === 409,
      `expected statusCode 409, got ${conflict.error.statusCode}`,
    );

    const invalid = await rejectionOf(() => dub.partners.create({ email: "not-an-email" }));
    check(
      "invalid request",
      invalid.error instanceof InvalidRequestError,
      `expected InvalidRequestError, got ${describe(invalid.error ?? invalid.resolved)}`,
    );
    check(
      "invalid request",
      InvalidRequestError.isInstance(invalid.error),
      "InvalidRequestError.isInstance() is false",
    );
    const path = invalid.error.issues?.[0]?.path;
    check(
      "invalid request",
      path === "email",
      `expected the first issue on "email", got ${JSON.stringify(path)}`,
    );

    const page = await dub.partners.list({ pageSize: 10 });
    check(
      "list",
      Array.isArray(page.data),
      "list({ pageSize: 10 }) did not resolve to a page with a data array",
    );
    check(
      "list",
      page.data.length > 0 && page.data.length <= 10,
      `expected 1..10 partners, got ${page.data.length}`,
    );
    const seen = new Set();
    for await (const partner of dub.partners.list({ pageSize: 10 })) seen.add(partner.id);
    check(
      "list",
      seen.has(a.id) && seen.has(b.id),
      "iterating every page did not reach both created partners",
    );

    return {
      partnerId: a.id,
      conflict: conflict.error.name,
      invalidPath: path,
      firstPage: page.data.length,
      iterated: seen.size,
    };
  } finally {
    await dub.close();
  }
}
