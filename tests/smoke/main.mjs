// The command-line side of the smoke program: reads its configuration from the environment, runs the steps, and
// prints one JSON line that the test parses (or the failure on stderr with exit code 1). Node, Bun and Deno run it.
import { runSmoke } from "./steps.mjs";

function environment(name) {
  return globalThis.Deno ? globalThis.Deno.env.get(name) : globalThis.process.env[name];
}

function runtimeName() {
  if (globalThis.Bun) return `bun ${globalThis.Bun.version}`;
  if (globalThis.Deno) return `deno ${globalThis.Deno.version.deno}`;
  return `node ${globalThis.process.versions.node}`;
}

function fail(message) {
  console.error(message);
  if (globalThis.Deno) globalThis.Deno.exit(1);
  globalThis.process.exitCode = 1;
}

/**
 * Runs the smoke steps with `lib` and prints `{ runtime, loadedAs, resolved, result }` as one JSON line.
 *
 * @param {{ Dub: any, Conflict: any, InvalidRequestError: any }} lib the packages, as the entry loaded them.
 * @param {{ loadedAs: "import" | "require", resolved: string, transport: string }} how the entry loaded the
 *   packages, and the files `@dubkit/partners` and `@dubkit/fetch` resolved to, so the test can tell which build ran.
 */
export async function main(lib, how) {
  const raw = environment("DUBKIT_SMOKE");
  if (!raw) return fail("DUBKIT_SMOKE is not set: expected JSON { serverURL, token, tag }.");
  try {
    const result = await runSmoke(lib, JSON.parse(raw));
    console.log(JSON.stringify({ runtime: runtimeName(), ...how, result }));
  } catch (error) {
    fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
  }
}
