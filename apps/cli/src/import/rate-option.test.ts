import { describe, expect, it } from "vitest";
import { parseRate, resolvePace } from "./rate-option.js";

describe("pace", () => {
  it("parses rates", () => {
    expect(parseRate("600/min")).toBe(600);
    expect(parseRate("10/s")).toBe(600);
    expect(parseRate("36000/h")).toBe(600);
    expect(parseRate("off")).toBeUndefined();
    expect(() => parseRate("fast")).toThrow(/--rate must look like/);
  });

  it("takes --rate, else --plan, else the profile's plan (just under its limit), else Dub's announcement", () => {
    expect(resolvePace("10/s", "business", undefined)).toMatchObject({
      ratePerMinute: 600,
      source: "--rate",
      plan: "business",
    });
    expect(resolvePace(undefined, "advanced", "business")).toMatchObject({
      ratePerMinute: 2940,
      source: "--plan",
      plan: "advanced",
    });
    expect(resolvePace(undefined, undefined, "business")).toMatchObject({
      ratePerMinute: 1176,
      source: "profile",
    });
    expect(resolvePace(undefined, undefined, undefined)).toEqual({
      ratePerMinute: undefined,
      source: "server",
      plan: undefined,
      planSource: undefined,
    });
    expect(() => resolvePace(undefined, undefined, "gold")).toThrow(/the profile's plan must be one of/);
  });
});
