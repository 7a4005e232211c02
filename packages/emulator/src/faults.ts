// Seeded, deterministic fault injection: faults scripted for given request numbers, or drawn with a probability
// from a seeded generator, so a failing test replays exactly. Requests are numbered from 1 in arrival order;
// CORS preflights are not counted.
import { createRandom, type Random } from "./random.js";

/**
 * What can go wrong with one request:
 * - `500`/`502`/`503`: that status instead of handling the request (nothing is applied). 500 carries Dub's
 *   JSON body; 502/503 carry the hosting platform's plain-text body.
 * - `reset-before`: the connection is reset before the request is handled (nothing applied).
 * - `reset-after`: the request is handled and its change made durable, then the connection is reset instead of
 *   answering. This is the case that makes a client retry a write that already happened.
 * - `slow`: the response body trickles out over `ms` (default 1000).
 * - `truncate`: the headers promise the whole body, half of it is sent, then the connection is closed.
 * - `html`: a 502 with an HTML error page, as a proxy in front of the API would send.
 * - `delay`: `ms` of extra latency before handling.
 */
export type FaultKind =
  | "500"
  | "502"
  | "503"
  | "reset-before"
  | "reset-after"
  | "slow"
  | "truncate"
  | "html"
  | "delay";

/** One fault, with its duration for `slow` and `delay`. */
export interface Fault {
  kind: FaultKind;
  ms?: number;
}

/** Fault injection settings; the string form is parsed by {@link parseFaults}. */
export interface FaultOptions {
  /** Faults for given request numbers (1-based). */
  script?: Record<number, Fault | FaultKind>;
  /** Each request not in `script` gets, with this probability, one of `randomFaults` (seeded). */
  probability?: number;
  randomFaults?: (Fault | FaultKind)[];
}

const KINDS: readonly FaultKind[] = [
  "500",
  "502",
  "503",
  "reset-before",
  "reset-after",
  "slow",
  "truncate",
  "html",
  "delay",
];

function parseFault(text: string, spec: string): Fault {
  const [name = "", value] = text.trim().split("=");
  const kind = (name === "reset" ? "reset-before" : name) as FaultKind;
  if (!KINDS.includes(kind)) {
    throw new Error(`Unknown fault "${name}" in --faults "${spec}". Known: ${KINDS.join(", ")}.`);
  }
  if (value === undefined) return { kind };
  const ms = Number(value);
  if ((kind !== "slow" && kind !== "delay") || !Number.isInteger(ms) || ms < 0) {
    throw new Error(
      `Fault "${text}" in --faults "${spec}": only slow=<ms> and delay=<ms> take a value (whole ms).`,
    );
  }
  return { kind, ms };
}

/**
 * Parses the `--faults` syntax: rules separated by `;`, each either `<fault>@<n>[,<n>…]` (those request numbers)
 * or `p=<probability>:<fault>[,<fault>…]` (each request, one of the faults at random).
 * Example: `503@3,7;reset-after@5;p=0.05:500,502;delay=2000@9`.
 */
export function parseFaults(spec: string): FaultOptions {
  const options: FaultOptions = {};
  for (const rule of spec.split(";").map((part) => part.trim())) {
    if (rule === "") continue;
    const random = /^p=([0-9.]+):(.+)$/.exec(rule);
    if (random) {
      const probability = Number(random[1]);
      if (!(probability >= 0 && probability <= 1)) {
        throw new Error(`Probability "${random[1]}" in --faults "${spec}" must be between 0 and 1.`);
      }
      if (options.probability !== undefined) throw new Error(`--faults "${spec}" has more than one p= rule.`);
      options.probability = probability;
      options.randomFaults = (random[2] ?? "").split(",").map((fault) => parseFault(fault, spec));
      continue;
    }
    const scripted = /^([a-z0-9-]+(?:=\d+)?)@(\d+(?:,\d+)*)$/.exec(rule);
    if (!scripted) {
      throw new Error(
        `Cannot read rule "${rule}" in --faults "${spec}": expected <fault>@<n>[,<n>] or p=<0..1>:<fault>[,<fault>].`,
      );
    }
    const fault = parseFault(scripted[1] ?? "", spec);
    options.script ??= {};
    for (const number of (scripted[2] ?? "").split(",").map(Number)) {
      if (number < 1) throw new Error(`Request numbers in --faults "${spec}" start at 1.`);
      if (options.script[number]) throw new Error(`Request ${number} has two faults in --faults "${spec}".`);
      options.script[number] = fault;
    }
  }
  return options;
}

function normalize(fault: Fault | FaultKind): Fault {
  return typeof fault === "string" ? { kind: fault } : fault;
}

/** Decides, request by request, which fault (if any) applies. */
export class FaultPlan {
  readonly #options: FaultOptions;
  readonly #random: Random;

  constructor(options: FaultOptions | string | undefined, seed: number | undefined) {
    this.#options = typeof options === "string" ? parseFaults(options) : (options ?? {});
    // A stream of its own, so fault draws do not shift when the requests' ids or usernames change.
    this.#random = createRandom(seed === undefined ? undefined : seed ^ 0x5bd1e995);
  }

  /** The fault for request number `n` (1-based), if any. */
  draw(n: number): Fault | undefined {
    const scripted = this.#options.script?.[n];
    if (scripted) return normalize(scripted);
    const { probability, randomFaults } = this.#options;
    if (!probability || !randomFaults?.length) return undefined;
    if (this.#random() >= probability) return undefined;
    const pick = randomFaults[Math.floor(this.#random() * randomFaults.length)];
    return pick === undefined ? undefined : normalize(pick);
  }
}
