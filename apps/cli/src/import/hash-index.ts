// A compact map from 64-bit key hashes to dense ids (0, 1, 2, …), in typed arrays: a million emails take about
// 24 MB instead of the ~100 MB of a Map of strings, which keeps a million-row import's memory flat. Callers keep
// their values in their own arrays, indexed by id. Two keys share a hash with odds of about 1 in 10^7 for a
// million keys (birthday bound on 64 bits).

import type { KeyHash } from "./row-identity.js";

const EMPTY = -1;

/** Open addressing with linear probing, kept at most half full. */
export class HashIndex {
  private slots: Int32Array;
  private his: Uint32Array;
  private los: Uint32Array;
  private count = 0;

  constructor(capacity = 1024) {
    let size = 16;
    while (size < capacity * 2) size *= 2;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.his = new Uint32Array(Math.max(16, capacity));
    this.los = new Uint32Array(Math.max(16, capacity));
  }

  /** Keys held. */
  get size(): number {
    return this.count;
  }

  /** The id of `key`, or -1 when it is not held. */
  get(key: KeyHash): number {
    const mask = this.slots.length - 1;
    for (let slot = (key.lo ^ key.hi) & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] as number;
      if (id === EMPTY) return EMPTY;
      if (this.his[id] === key.hi && this.los[id] === key.lo) return id;
    }
  }

  /** The id of `key`, added with the next id when it is not held yet. */
  add(key: KeyHash): number {
    const found = this.get(key);
    if (found !== EMPTY) return found;
    if ((this.count + 1) * 2 > this.slots.length) this.grow();
    const id = this.count++;
    if (id >= this.his.length) {
      this.his = grown(this.his, this.his.length * 2);
      this.los = grown(this.los, this.los.length * 2);
    }
    this.his[id] = key.hi;
    this.los[id] = key.lo;
    this.place(id);
    return id;
  }

  private place(id: number): void {
    const mask = this.slots.length - 1;
    let slot = ((this.his[id] as number) ^ (this.los[id] as number)) & mask;
    while (this.slots[slot] !== EMPTY) slot = (slot + 1) & mask;
    this.slots[slot] = id;
  }

  private grow(): void {
    this.slots = new Int32Array(this.slots.length * 2).fill(EMPTY);
    for (let id = 0; id < this.count; id++) this.place(id);
  }
}

/** A copy of `array` with room for `size` elements. */
export function grown<T extends Uint8Array | Uint32Array | Float64Array>(array: T, size: number): T {
  const copy = new (array.constructor as new (length: number) => T)(size);
  copy.set(array);
  return copy;
}
