// The `dubkit-emulator` command line, exported so `dubkit emulator` and `dubkit --local` parse the same flags.
import { parseArgs } from "node:util";
import { PLAN_NAMES, type Plan } from "@dubkit/contract";
import { startEmulator } from "./emulator.js";
import { parseFaults } from "./faults.js";
import type { EmulatorOptions } from "./options.js";
import { readSeedFile } from "./seed-file.js";

/** The parsed command line: emulator options, or a request for help. */
export interface EmulatorCliOptions {
  help: boolean;
  /** No request log. */
  quiet: boolean;
  options: EmulatorOptions;
}

/** The `--help` text. */
export const EMULATOR_USAGE = `Usage: dubkit-emulator [options]

A local Dub Partners API (/partners and the partner-program endpoints) with the
real server's semantics.

Options:
  --port <n>             port to listen on (default 0: any free port)
  --host <host>          interface to listen on (default 127.0.0.1)
  --api-key <dub_…>      the workspace API key (default: generated, kept in --data)
  --plan <plan>          free | pro | business | advanced | enterprise (default business)
  --partners-limit <n>   partner quota; "plan" for the plan's own (default 1000000)
  --data <file>          keep state in this append-only file (default: in memory)
  --latency <ms>         extra latency on every response
  --faults <spec>        fault injection, e.g. "503@3,7;reset-after@5;p=0.05:500,502"
  --seed <n>             seed for ids, usernames and fault draws
  --seed-file <file>     partners and applications to create at start, on an
                         empty state only: a JSON object
                         { "partners": [POST /partners bodies, each with
                           optional "metrics": { "totalSaleAmount": 5000 }],
                           "applications": [{ "email", "name", "country",
                           "groupId", "createdAt", "formData": { "fields":
                           [{ "type": "short-text", "label", "value" }] } }] }
  --rate-limit-window <ms>  rate-limit window (default 60000)
  --no-rate-limit        turn the rate limit off
  --no-cors              do not answer CORS preflights
  --quiet                no request log on stderr
  -h, --help             show this help

Prints DUB_API_URL=… and DUB_API_KEY=… on stdout, logs requests on stderr,
and runs until SIGINT or SIGTERM.`;

function integer(flag: string, value: string | undefined, min: number): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isInteger(number) || number < min) {
    throw new Error(`--${flag} must be a whole number of at least ${min}, got "${value}".`);
  }
  return number;
}

/** Parses the bin's arguments (without `node` and the script); throws an Error naming the bad flag. */
export function parseEmulatorArgs(argv: readonly string[]): EmulatorCliOptions {
  const { values } = parseArgs({
    args: [...argv],
    strict: true,
    allowPositionals: false,
    options: {
      port: { type: "string" },
      host: { type: "string" },
      "api-key": { type: "string" },
      plan: { type: "string" },
      "partners-limit": { type: "string" },
      data: { type: "string" },
      latency: { type: "string" },
      faults: { type: "string" },
      seed: { type: "string" },
      "seed-file": { type: "string" },
      "rate-limit-window": { type: "string" },
      "no-rate-limit": { type: "boolean" },
      "no-cors": { type: "boolean" },
      quiet: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const options: EmulatorOptions = {};
  const port = integer("port", values.port, 0);
  if (port !== undefined) {
    if (port > 65535) throw new Error(`--port must be at most 65535, got "${values.port}".`);
    options.port = port;
  }
  if (values.host !== undefined) options.host = values.host;
  if (values["api-key"] !== undefined) {
    if (!/^dub_[A-Za-z0-9_-]+$/.test(values["api-key"])) {
      throw new Error("--api-key must be a workspace key: `dub_` followed by letters and digits.");
    }
    options.apiKey = values["api-key"];
  }
  if (values.plan !== undefined) {
    if (!PLAN_NAMES.includes(values.plan as Plan)) {
      throw new Error(`--plan must be one of ${PLAN_NAMES.join(", ")}, got "${values.plan}".`);
    }
    options.plan = values.plan as Plan;
  }
  const limit = values["partners-limit"];
  if (limit !== undefined)
    options.partnersLimit = limit === "plan" ? "plan" : integer("partners-limit", limit, 0);
  if (values.data !== undefined) options.dataFile = values.data;
  const latency = integer("latency", values.latency, 0);
  if (latency !== undefined) options.latencyMs = latency;
  if (values.faults !== undefined) options.faults = parseFaults(values.faults);
  const seed = integer("seed", values.seed, 0);
  if (seed !== undefined) options.seed = seed;
  if (values["seed-file"] !== undefined) options.seedData = readSeedFile(values["seed-file"]);
  const windowMs = integer("rate-limit-window", values["rate-limit-window"], 1);
  if (values["no-rate-limit"]) options.rateLimit = false;
  else if (windowMs !== undefined) options.rateLimit = { windowMs };
  if (values["no-cors"]) options.cors = false;
  return { help: values.help ?? false, quiet: values.quiet ?? false, options };
}

/** Where the CLI writes, and what stops it (default: SIGINT/SIGTERM). */
export interface EmulatorCliIo {
  stdout?: (line: string) => void;
  stderr?: (line: string) => void;
  /** Stops the emulator when aborted; without it, SIGINT and SIGTERM do. */
  signal?: AbortSignal;
}

/** Runs `dubkit-emulator`: starts, prints the URL and key, serves until stopped. Resolves to the exit code. */
export async function runEmulatorCli(argv: readonly string[], io: EmulatorCliIo = {}): Promise<number> {
  const stdout = io.stdout ?? ((line: string) => process.stdout.write(`${line}\n`));
  const stderr = io.stderr ?? ((line: string) => process.stderr.write(`${line}\n`));
  let parsed: EmulatorCliOptions;
  try {
    parsed = parseEmulatorArgs(argv);
  } catch (error) {
    stderr(`dubkit-emulator: ${error instanceof Error ? error.message : String(error)}`);
    stderr("Run dubkit-emulator --help for the options.");
    return 2;
  }
  if (parsed.help) {
    stdout(EMULATOR_USAGE);
    return 0;
  }
  let emulator: Awaited<ReturnType<typeof startEmulator>>;
  try {
    emulator = await startEmulator({ ...parsed.options, ...(!parsed.quiet && { log: stderr }) });
  } catch (error) {
    stderr(`dubkit-emulator: could not start: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  stdout(`DUB_API_URL=${emulator.url}`);
  stdout(`DUB_API_KEY=${emulator.apiKey}`);
  await new Promise<void>((resolve) => {
    if (io.signal) {
      if (io.signal.aborted) resolve();
      else io.signal.addEventListener("abort", () => resolve(), { once: true });
      return;
    }
    const onSignal = () => {
      process.off("SIGINT", onSignal);
      process.off("SIGTERM", onSignal);
      resolve();
    };
    process.on("SIGINT", onSignal);
    process.on("SIGTERM", onSignal);
  });
  await emulator.stop();
  stderr("dubkit-emulator: stopped");
  return 0;
}
