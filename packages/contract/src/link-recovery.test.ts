// The client-side link key: drawn like the server's, once per call (the operation's `prepare`), with the prefix.
import { describe, expect, it } from "vitest";
import { randomLinkKey } from "./link-recovery.js";
import { createPartnerLinkOperation } from "./operations/create-partner-link.js";

describe("randomLinkKey", () => {
  it("draws 7 characters of [0-9A-Za-z], different each time", () => {
    const keys = new Set(Array.from({ length: 1000 }, () => randomLinkKey()));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^[0-9A-Za-z]{7}$/);
  });

  it("puts the prefix, without its slashes, before the key, as the server does", () => {
    expect(randomLinkKey("/c/")).toMatch(/^c\/[0-9A-Za-z]{7}$/);
    expect(randomLinkKey("deals")).toMatch(/^deals\/[0-9A-Za-z]{7}$/);
    expect(randomLinkKey("")).toMatch(/^[0-9A-Za-z]{7}$/);
  });
});

describe("createPartnerLink's prepare", () => {
  const prepare = createPartnerLinkOperation.prepare!;

  it("chooses a key when none (or an empty one) is given, and keeps a given key", () => {
    expect(prepare({ partnerId: "pn_1" }).key).toMatch(/^[0-9A-Za-z]{7}$/);
    expect(prepare({ partnerId: "pn_1", key: "" }).key).toMatch(/^[0-9A-Za-z]{7}$/);
    expect(prepare({ partnerId: "pn_1", key: "jane" }).key).toBe("jane");
    expect(prepare({ partnerId: "pn_1", linkProps: { prefix: "/c/" } }).key).toMatch(/^c\/[0-9A-Za-z]{7}$/);
  });
});
