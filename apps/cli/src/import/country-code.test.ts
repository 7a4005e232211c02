import { beforeAll, describe, expect, it } from "vitest";
import { loadCountries, normalizeCountry } from "./country-code.js";

beforeAll(loadCountries);

describe("normalizeCountry", () => {
  it.each([
    ["US", "US"],
    ["us", "US"],
    ["DEU", "DE"],
    ["Germany", "DE"],
    ["Deutschland", "DE"],
    ["Allemagne", "DE"],
    ["España", "ES"],
    ["United States of America", "US"],
    ["UK", "GB"],
    ["England", "GB"],
    ["Côte d'Ivoire", "CI"],
  ])("%s → %s", (input, code) => {
    expect(normalizeCountry(input)).toEqual({ code });
  });

  it("reports what it does not know", () => {
    expect(normalizeCountry("Atlantis")).toEqual({
      error: 'unknown country "Atlantis": use a 2-letter ISO 3166-1 code such as US or DE',
    });
    expect(normalizeCountry("XX")).toHaveProperty("error");
  });
});
