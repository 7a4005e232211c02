// Rows of one file that Dub would merge: the same email in any case (Dub keeps one partner per email), or the same
// tenantId for two emails (Dub returns the first partner for the second one). The first row of each is the one that
// is sent; the others are reported, naming the line of the first. Memory: a few bytes per row.

import { grown, HashIndex } from "./hash-index.js";
import { keyHash } from "./row-identity.js";

/** First lines by key, for one kind of key. */
class FirstLines {
  private readonly index = new HashIndex();
  private lines = new Uint32Array(1024);

  /** The first line `key` was seen on; records `line` when it is the first. */
  firstLine(key: string, line: number): number {
    const id = this.index.add(keyHash(key));
    if (id >= this.lines.length) this.lines = grown(this.lines, this.lines.length * 2);
    if (this.lines[id] === 0) this.lines[id] = line;
    return this.lines[id] as number;
  }
}

/** A row that repeats an earlier row's email or tenantId. */
export interface Duplicate {
  field: "email" | "tenantId";
  firstLine: number;
}

/**
 * Remembers the first line of every email and tenantId. Both passes of an import ask it about the same rows in
 * the same order, and get the same answers: the second pass finds the first lines the first pass recorded.
 */
export class DuplicateIndex {
  private readonly emails = new FirstLines();
  private readonly tenants = new FirstLines();

  /** Whether the row on `line` repeats an earlier row; records its email and tenantId otherwise. */
  check(line: number, email: string, tenantId: string | undefined): Duplicate | undefined {
    const first = this.emails.firstLine(email, line);
    if (first !== line) return { field: "email", firstLine: first };
    if (tenantId === undefined || tenantId === "") return undefined;
    const tenantFirst = this.tenants.firstLine(tenantId, line);
    if (tenantFirst !== line) return { field: "tenantId", firstLine: tenantFirst };
    return undefined;
  }
}
