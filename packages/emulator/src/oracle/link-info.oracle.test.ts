// Differential test of the GET /links/info query: the emulator's schema (the contract's domain and key made optional,
// plus the server's other keys) and the contract's own (domain and key required, as the client sends them) against
// Dub's `getLinkInfoQuerySchemaExtended` and `domainKeySchema`, transcribed here from apps/web/lib/zod/schemas/links.ts
// and misc.ts (documentation calls left out), 422 message and output alike.
import { getLinkInfoQuery } from "@dubkit/contract";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { z } from "zod-server";
import { linkInfoQuery } from "../link-info-query.js";
import { queryRecord } from "./arbitraries.js";
import { serverVerdict } from "./server-schemas.js";
import { assertAgreement, emulatorVerdict } from "./verdicts.js";

const validDomainRegex = /^([a-zA-Z0-9]([a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,}$/;
const booleanQuerySchema = z.stringbool({ truthy: ["true"], falsy: ["false"] });
const domainKeySchema = z.object({
  domain: z
    .string()
    .min(1, "Domain is required.")
    .refine((v) => validDomainRegex.test(v), { message: "Invalid domain format" }),
  key: z.string().min(1, "Key is required."),
});
const getLinkInfoQuerySchemaExtended = domainKeySchema
  .partial()
  .extend({ linkId: z.string().optional(), externalId: z.string().optional() })
  .extend({
    includeUser: booleanQuerySchema.default(false),
    includeWebhooks: booleanQuerySchema.default(false),
  });

const domains = fc.constantFrom(
  "",
  " ",
  "refer.acme.test",
  "REFER.Acme.Test",
  "localhost",
  "acme.t",
  "acme.123",
  "-acme.test",
  "acme-.test",
  "a.b.c.d.test",
  "https://acme.test",
  "acme.test/x",
  "acme test.com",
  `${"a".repeat(63)}.test`,
  `${"a".repeat(64)}.test`,
  "xn--hllo-bpa.test",
  "héllo.test",
);
const keys = fc.constantFrom("", "x", "c/jane", "_root", " ", "Promo", "a".repeat(500));
const flags = fc.constantFrom("true", "false", "TRUE", "True", "1", "0", "", "yes");

describe("GET /links/info query validation agrees with Dub's server schema", () => {
  it("the emulator's query, over every key", () => {
    const counts = assertAgreement({
      inputs: queryRecord({
        domain: domains,
        key: keys,
        linkId: fc.constantFrom("link_1", ""),
        externalId: fc.constantFrom("ext_1", "1", ""),
        includeUser: flags,
        includeWebhooks: flags,
      }),
      contract: linkInfoQuery,
      server: getLinkInfoQuerySchemaExtended,
      numRuns: 3000,
      seed: 61,
    });
    expect(counts.accepted).toBeGreaterThan(100);
    expect(counts.rejected).toBeGreaterThan(100);
  });

  it("the contract's query, which the client sends with both keys", () => {
    const counts = assertAgreement({
      inputs: queryRecord({ domain: domains, key: keys }),
      contract: getLinkInfoQuery,
      server: domainKeySchema,
      numRuns: 2000,
      seed: 67,
    });
    expect(counts.accepted).toBeGreaterThan(50);
    expect(counts.rejected).toBeGreaterThan(50);
  });

  it("pins the server's messages", () => {
    const pinned: [Record<string, string>, string][] = [
      [{ domain: "" }, "too_small: domain: Domain is required."],
      [{ domain: "localhost" }, "custom: domain: Invalid domain format"],
      [{ domain: "acme.test", key: "" }, "too_small: key: Key is required."],
      [
        { includeWebhooks: "yes" },
        'invalid_value: includeWebhooks: Invalid option: expected one of "true"|"false"',
      ],
    ];
    for (const [query, message] of pinned) {
      expect(serverVerdict(getLinkInfoQuerySchemaExtended, query)).toEqual({ ok: false, message });
      expect(emulatorVerdict(linkInfoQuery, query)).toEqual({ ok: false, message });
    }
  });
});
