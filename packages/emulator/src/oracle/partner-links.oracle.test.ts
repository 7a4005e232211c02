// Differential tests: the emulator's validation of POST /partners/links, PUT /partners/links/upsert and GET
// /partners/links (the contract's schemas on zod 4.3.5) against Dub's own schemas, 422 message and output alike.

import { createPartnerLinkBody, retrievePartnerLinksQuery, upsertPartnerLinkBody } from "@dubkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  anyValue,
  edgeUrls,
  linkPropsValue,
  maybeNotObject,
  mostly,
  partnerIds,
  queryRecord,
  shuffledRecord,
  text,
} from "./arbitraries.js";
import {
  serverCreatePartnerLink,
  serverPartnerIdTenantId,
  serverUpsertPartnerLink,
  serverVerdict,
} from "./server-schemas.js";
import { assertAgreement, emulatorVerdict } from "./verdicts.js";

const body = maybeNotObject(
  shuffledRecord({
    partnerId: mostly(partnerIds),
    tenantId: mostly(partnerIds),
    url: fc.oneof({ weight: 3, arbitrary: edgeUrls }, { weight: 1, arbitrary: anyValue }),
    key: mostly(fc.constantFrom("jane", "c/jane", "", "x".repeat(190), "x".repeat(191), "not ok")),
    comments: mostly(text),
    linkProps: fc.oneof(
      { weight: 1, arbitrary: linkPropsValue },
      { weight: 2, arbitrary: fc.constant(undefined) },
    ),
  }),
);

function pin(contract: Parameters<typeof emulatorVerdict>[0], server: Parameters<typeof serverVerdict>[0]) {
  return (input: unknown, message: string) => {
    expect(serverVerdict(server, input)).toEqual({ ok: false, message });
    expect(emulatorVerdict(contract, input)).toEqual({ ok: false, message });
  };
}

describe("POST /partners/links validation agrees with Dub's server schema", () => {
  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: body,
      contract: createPartnerLinkBody,
      server: serverCreatePartnerLink,
      numRuns: 3000,
      seed: 20261201,
    });
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it("normalises the URL as the server does", () => {
    for (const [url, sent] of [
      ["https://a.test", "https://a.test"],
      ["a.test/x", "https://a.test/x"],
      ["www.Acme.com", "https://www.acme.com/"],
    ]) {
      const expected = { ok: true, data: { partnerId: "pn_1", url: sent } };
      expect(serverVerdict(serverCreatePartnerLink, { partnerId: "pn_1", url })).toEqual(expected);
      expect(emulatorVerdict(createPartnerLinkBody, { partnerId: "pn_1", url })).toEqual(expected);
    }
  });

  it("pins the server's messages (partners-program-behavior.md §4.2)", () => {
    const check = pin(createPartnerLinkBody, serverCreatePartnerLink);
    check(null, "invalid_type: : Invalid input: expected object, received null");
    check([], "invalid_type: : Invalid input: expected object, received array");
    check({ partnerId: 5 }, "invalid_type: partnerId: Invalid input: expected string, received number");
    check({ url: "not a url" }, "custom: url: Invalid URL");
    check({ url: "" }, "custom: url: Invalid URL");
    check({ url: "x".repeat(32001) }, "too_big: url: Must be 32000 or fewer characters long.");
    check({ key: null }, "invalid_type: key: Invalid input: expected string, received null");
    check({ key: "x".repeat(191) }, "too_big: key: Too big: expected string to have <=190 characters");
    check({ comments: 5 }, "invalid_type: comments: Invalid input: expected string, received number");
    check({ linkProps: null }, "invalid_type: linkProps: Invalid input: expected object, received null");
    check(
      { linkProps: { externalId: "" } },
      "too_small: linkProps.externalId: Too small: expected string to have >=1 characters",
    );
    check({ linkProps: { expiredUrl: "nope" } }, "custom: linkProps.expiredUrl: Invalid URL");
    check(
      { linkProps: { testVariants: [{ url: "https://a.test", percentage: 50 }] } },
      "too_small: linkProps.testVariants: Too small: expected array to have >=2 items",
    );
    check(
      {
        linkProps: {
          testVariants: [
            { url: "https://a.test", percentage: 5 },
            { url: "https://b.test", percentage: 95 },
          ],
        },
      },
      "too_small: linkProps.testVariants[0].percentage: Too small: expected number to be >=10",
    );
  });
});

describe("PUT /partners/links/upsert validation agrees with Dub's server schema", () => {
  it("accepts and rejects the same bodies, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: body,
      contract: upsertPartnerLinkBody,
      server: serverUpsertPartnerLink,
      numRuns: 3000,
      seed: 20261202,
    });
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(300);
  });

  it("pins the server's messages (partners-program-behavior.md §6.2)", () => {
    const check = pin(upsertPartnerLinkBody, serverUpsertPartnerLink);
    check({}, "invalid_type: url: Invalid input: expected string, received undefined");
    check({ url: null }, "invalid_type: url: Invalid input: expected string, received null");
    check({ url: "foo" }, "custom: url: Invalid URL");
  });
});

describe("GET /partners/links validation agrees with Dub's server schema", () => {
  // The server only ever sees strings, which this schema always accepts; the other values exercise the schema's
  // own refusals, so that both outcomes are compared.
  const query = fc.oneof(
    { weight: 1, arbitrary: queryRecord({ partnerId: partnerIds, tenantId: partnerIds }) },
    { weight: 1, arbitrary: maybeNotObject(shuffledRecord({ partnerId: anyValue, tenantId: anyValue })) },
  );

  it("accepts and rejects the same queries, with the same 422 message and the same output", () => {
    const { accepted, rejected } = assertAgreement({
      inputs: query,
      contract: retrievePartnerLinksQuery,
      server: serverPartnerIdTenantId,
      numRuns: 2000,
      seed: 20261203,
    });
    expect(accepted).toBeGreaterThan(300);
    expect(rejected).toBeGreaterThan(200);
  });

  it("accepts every query string, as the server does (§5.3: a 422 cannot happen)", () => {
    fc.assert(
      fc.property(queryRecord({ partnerId: partnerIds, tenantId: partnerIds }), (input) => {
        expect(emulatorVerdict(retrievePartnerLinksQuery, input).ok).toBe(true);
      }),
      { numRuns: 300, seed: 20261204 },
    );
  });
});
