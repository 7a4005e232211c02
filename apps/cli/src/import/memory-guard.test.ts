import { expect, it } from "vitest";
import { startMemoryGuard } from "./memory-guard.js";

const waitMs = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

it("asks for full collections while the resident size is over its limit, and stops when told", async () => {
  const guard = startMemoryGuard(1, 10);
  await waitMs(120);
  const seen = guard.collections;
  expect(seen).toBeGreaterThan(0);
  guard.stop();
  await waitMs(60);
  expect(guard.collections).toBe(seen);
});

it("does nothing under its limit", async () => {
  const guard = startMemoryGuard(Number.MAX_SAFE_INTEGER, 10);
  await waitMs(60);
  guard.stop();
  expect(guard.collections).toBe(0);
});

it("frees garbage the heap would otherwise keep until its next major collection", async () => {
  // Garbage that survives young-generation collections: old-space until a major collection.
  let kept: number[][] | undefined = Array.from({ length: 200 }, () => new Array(50_000).fill(1.5));
  kept = undefined;
  expect(kept).toBeUndefined();
  const before = process.memoryUsage().heapUsed;
  const guard = startMemoryGuard(1, 10);
  await waitMs(60);
  guard.stop();
  expect(process.memoryUsage().heapUsed).toBeLessThan(before - 40 * 1024 * 1024);
});
