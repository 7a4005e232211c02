// Rows of one file that Dub would merge: the same key (for the import, the email in any case: Dub keeps one partner
// per email), or the same second value for two keys (the import's tenantId: Dub returns the first partner for the
// second one). The first row of each is the one that is sent; the others are reported, naming the line of the first.
//
// Memory stays flat: the plan's pass only collects each row's 64-bit key hashes (8 bytes a key, in typed arrays),
// sorts them once and keeps just the keys that repeat; a million-row file then holds nothing per row while it is
// sent. Only when some key repeats does the plan read the file once more, to learn each repeated key's first line.

import { endianness } from "node:os";
import type { KeyHash } from "./row-identity.js";
import { keyHash } from "./row-identity.js";

/** How a row names itself to a later row that repeats it (the import: its email as that line spells it). */
export type RowLabel = Readonly<Record<string, string>>;

/** A row that repeats an earlier row's key or second value. */
export interface Duplicate {
  field: "key" | "secondary";
  firstLine: number;
  /** The earlier row as it names itself (for the import, its email as that line spells it), when it gave a label. */
  firstLabel: RowLabel | undefined;
}

// The sort reads each (lo, hi) pair of 32-bit words as one 64-bit integer.
if (endianness() !== "LE") throw new Error("dubkit's import needs a little-endian machine");

/** The key hashes of one kind, collected as 32-bit word pairs, sortable as 64-bit integers. */
class HashList {
  private words: Uint32Array;
  private count = 0;

  /** `expected` keys fit without growing (a growth briefly holds the old and the new array). */
  constructor(expected: number) {
    this.words = new Uint32Array(2 * Math.max(1024, expected));
  }

  push(key: KeyHash): void {
    if (2 * this.count + 2 > this.words.length) {
      const words = new Uint32Array(this.words.length * 2);
      words.set(this.words);
      this.words = words;
    }
    this.words[2 * this.count] = key.lo;
    this.words[2 * this.count + 1] = key.hi;
    this.count++;
  }

  /** The hashes that occur more than once. */
  repeated(): Set<bigint> {
    const sorted = new BigUint64Array(this.words.buffer, 0, this.count).sort();
    const repeated = new Set<bigint>();
    for (let i = 1; i < sorted.length; i++)
      if (sorted[i] === sorted[i - 1]) repeated.add(sorted[i] as bigint);
    return repeated;
  }
}

const asBigInt = (key: KeyHash) => (BigInt(key.hi) << 32n) | BigInt(key.lo);

/** Where a repeated key was first seen. */
interface FirstSeen {
  line: number;
  label: RowLabel | undefined;
}

/** The first line (and label) of each repeated key of one kind, learnt as the rows go by; only repeated keys. */
class FirstLines {
  private readonly lines = new Map<bigint, FirstSeen>();

  constructor(private readonly repeated: Set<bigint>) {}

  /** Where `key` was first seen (`line` itself when it is the first, or the key does not repeat). */
  first(key: string, line: number, label: RowLabel | undefined): FirstSeen {
    if (this.repeated.size === 0) return { line, label };
    const hash = asBigInt(keyHash(key));
    if (!this.repeated.has(hash)) return { line, label };
    const first = this.lines.get(hash);
    if (first !== undefined) return first;
    const seen = { line, label };
    this.lines.set(hash, seen);
    return seen;
  }
}

/**
 * First collects, then checks. While collecting (the plan's first pass) it records every valid row's key and second
 * value and calls no row a duplicate; `settle()` finds the ones that repeat. From then on, each pass over the rows,
 * in file order, gets the same answers: a row whose key repeats an earlier row's, or whose second value does (for
 * another key), is a duplicate of the earliest such row.
 */
export class DuplicateIndex {
  private collecting: { keys: HashList; seconds: HashList } | undefined;
  private repeatedKeys = new Set<bigint>();
  private repeatedSeconds = new Set<bigint>();
  private keys = new FirstLines(this.repeatedKeys);
  private seconds = new FirstLines(this.repeatedSeconds);

  /** `expectedRows`: about how many rows the file has (its line count), so collecting never grows its arrays. */
  constructor(expectedRows = 0) {
    this.collecting = { keys: new HashList(expectedRows), seconds: new HashList(expectedRows) };
  }

  /** Whether the index still collects (no row is called a duplicate yet). */
  get isCollecting(): boolean {
    return this.collecting !== undefined;
  }

  /**
   * Ends collecting; true when some key or second value repeats (then the plan's counts must be taken again). A pass
   * after the first one that follows must start with {@link DuplicateIndex.restart}.
   */
  settle(): boolean {
    const collected = this.collecting;
    if (!collected) throw new Error("settle() runs once, after collecting");
    this.collecting = undefined;
    this.repeatedKeys = collected.keys.repeated();
    this.repeatedSeconds = collected.seconds.repeated();
    this.restart();
    return this.repeatedKeys.size > 0 || this.repeatedSeconds.size > 0;
  }

  /** Forgets the first lines learnt, for another pass over the file from its start. */
  restart(): void {
    if (this.collecting) throw new Error("restart() runs after settle()");
    this.keys = new FirstLines(this.repeatedKeys);
    this.seconds = new FirstLines(this.repeatedSeconds);
  }

  /**
   * Whether the row on `line` repeats an earlier row; records its key and second value otherwise. `label`: how this
   * row is named to a later row that repeats it (kept only for keys that repeat).
   */
  check(line: number, key: string, secondary: string | undefined, label?: RowLabel): Duplicate | undefined {
    const collecting = this.collecting;
    if (collecting) {
      collecting.keys.push(keyHash(key));
      if (secondary !== undefined && secondary !== "") collecting.seconds.push(keyHash(secondary));
      return undefined;
    }
    const first = this.keys.first(key, line, label);
    if (first.line !== line) return { field: "key", firstLine: first.line, firstLabel: first.label };
    if (secondary === undefined || secondary === "") return undefined;
    const second = this.seconds.first(secondary, line, label);
    if (second.line !== line) return { field: "secondary", firstLine: second.line, firstLabel: second.label };
    return undefined;
  }
}
