import { describe, expect, it } from "vitest";
import { parseRate, resolveRate } from "./rate-option.js";

describe("parseRate", () => {
  it("reads per-minute, per-second and per-hour rates, and off", () => {
    expect(parseRate("600/min")).toBe(600);
    expect(parseRate("600")).toBe(600);
    expect(parseRate("10/s")).toBe(600);
    expect(parseRate("3600/h")).toBe(60);
    expect(parseRate("off")).toBeUndefined();
  });

  it("rejects anything else with the flag's name", () => {
    expect(() => parseRate("fast")).toThrow(/--rate must look like/);
    expect(() => parseRate("0/min")).toThrow(/--rate/);
  });
});

describe("resolveRate", () => {
  it("prefers --rate, then the plan's limit, then 600/min", () => {
    expect(resolveRate("100/min", "business")).toBe(100);
    expect(resolveRate(undefined, "business")).toBe(1200);
    expect(resolveRate(undefined, "free")).toBe(60);
    expect(resolveRate(undefined, undefined)).toBe(600);
    expect(() => resolveRate(undefined, "gold")).toThrow(/--plan must be one of/);
  });
});
