import { InvalidRequestError, type RequestContext } from "@dubkit/core";
import { describe, expect, it } from "vitest";
import { tokenGuardHooks, tokenPlace } from "./token-guard.js";

const TOKEN = "dub_abcdefghijklmnopqrstuvwx";
const url = "https://api.dub.co/partners/links";

describe("tokenPlace", () => {
  it("names the body field, nested or in a list, that holds the token", () => {
    expect(tokenPlace({ url, body: JSON.stringify({ key: TOKEN }) }, TOKEN)).toBe("key");
    expect(
      tokenPlace({ url, body: JSON.stringify({ linkProps: { tags: ["a", `x${TOKEN}`] } }) }, TOKEN),
    ).toBe("linkProps.tags[1]");
  });

  it("names the query parameter, or the URL, that holds the token", () => {
    expect(tokenPlace({ url: `${url}?partnerId=${TOKEN}` }, TOKEN)).toBe("partnerId");
    expect(tokenPlace({ url: `${url}/${TOKEN}` }, TOKEN)).toBe("the request's URL");
  });

  it("finds nothing in a request that does not carry the token", () => {
    expect(tokenPlace({ url: `${url}?partnerId=pn_1`, body: '{"key":"dub_other0000000000"}' }, TOKEN)).toBe(
      undefined,
    );
  });
});

describe("tokenGuardHooks", () => {
  const context = (body: string): RequestContext => ({
    method: "POST",
    url,
    headers: { authorization: `Bearer ${TOKEN}` },
    body,
    attempt: 1,
    operationId: "createPartnerLink",
  });

  it("refuses an attempt with the token as data, naming the field, and lets the header carry it", () => {
    const guard = tokenGuardHooks(TOKEN);
    expect(() => guard.beforeRequest?.(context(JSON.stringify({ key: TOKEN })))).toThrow(InvalidRequestError);
    try {
      guard.beforeRequest?.(context(JSON.stringify({ key: TOKEN })));
    } catch (error) {
      expect((error as InvalidRequestError).issues).toEqual([
        { path: "key", message: expect.stringContaining("is the Dub API token itself") },
      ]);
      expect(String(error)).not.toContain(TOKEN);
    }
    expect(guard.beforeRequest?.(context('{"key":"spring"}'))).toBeUndefined();
  });
});
