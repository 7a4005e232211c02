// processKey and the random key: what Dub accepts as a short-link key, how it normalises it, and the drawn key.
import { describe, expect, it } from "vitest";
import { createRandom } from "./random.js";
import { processKey, randomFreeKey } from "./short-link-key.js";
import { Store } from "./store.js";

describe("processKey", () => {
  it("refuses characters outside the set, a leading underscore, .well-known and PHP files", () => {
    for (const key of [
      "a b",
      "a?b",
      "a%20b",
      "_x",
      "__",
      ".well-known",
      ".well-known/x",
      "x.php",
      "x.php7",
      "",
    ])
      expect(processKey(key), key).toBeNull();
  });

  it("keeps _root, strips outer slashes and punycode-encodes each dot-separated part with non-ASCII", () => {
    expect(processKey("_root")).toBe("_root");
    expect(processKey("//a/b//")).toBe("a/b");
    expect(processKey("/")).toBe("");
    expect(processKey("héllo")).toBe("xn--hllo-bpa");
    expect(processKey("a.ü.b")).toBe("a.xn--tda.b");
    expect(processKey("x.phpx")).toBe("x.phpx");
    expect(processKey("Mixed-Case_1.2")).toBe("Mixed-Case_1.2");
    // `#` and `*` are Emoji code points (keycap bases), so the server's \p{Emoji} lets them through.
    expect(processKey("a#b*")).toBe("a#b*");
  });
});

describe("randomFreeKey", () => {
  it("draws 7 characters of [0-9A-Za-z], after a trimmed prefix, again while taken", () => {
    const store = new Store();
    const random = createRandom(1);
    expect(randomFreeKey(store, random, "a.test", undefined)).toMatch(/^[0-9A-Za-z]{7}$/);
    expect(randomFreeKey(store, random, "a.test", "/c/")).toMatch(/^c\/[0-9A-Za-z]{7}$/);
    const first = randomFreeKey(store, createRandom(2), "a.test", undefined);
    const link = {
      id: "link_1",
      workspaceId: "ws_1",
      programId: "prog_1",
      partnerId: "pn_1",
      domain: "a.test",
    };
    void store.commit([
      {
        type: "link",
        link: {
          ...link,
          key: first,
          url: "https://a.test",
          externalId: null,
          tenantId: null,
          createdAt: "",
          props: {},
        },
      },
    ]);
    const second = randomFreeKey(store, createRandom(2), "a.test", undefined);
    expect(second).not.toBe(first);
    expect(second).toMatch(/^[0-9A-Za-z]{7}$/);
  });
});
