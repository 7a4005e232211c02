import { beforeAll, describe, expect, it } from "vitest";
import { loadCountries } from "./country-code.js";
import { cellsToRequest, objectToRequest } from "./row-mapping.js";

beforeAll(loadCountries);

describe("cellsToRequest", () => {
  it("trims cells, leaves empty ones out and composes the name in the API's field order", () => {
    const targets = ["tenantId", "firstName", "lastName", "email", "description"];
    expect(cellsToRequest(["ps_1", " Jane ", "Doe", " jane@example.com ", "  "], targets)).toEqual({
      body: { name: "Jane Doe", email: "jane@example.com", tenantId: "ps_1" },
    });
    expect(cellsToRequest(["ps_2", "", "Smith", "s@example.com", ""], targets)).toEqual({
      body: { name: "Smith", email: "s@example.com", tenantId: "ps_2" },
    });
  });

  it("turns country names and alpha-3 codes into ISO codes, and refuses unknown ones", () => {
    const targets = ["email", "country"];
    expect(cellsToRequest(["a@b.co", "Germany"], targets)).toEqual({
      body: { email: "a@b.co", country: "DE" },
    });
    expect(cellsToRequest(["a@b.co", "JPN"], targets)).toEqual({ body: { email: "a@b.co", country: "JP" } });
    expect(cellsToRequest(["a@b.co", "Untied States"], targets)).toEqual({
      field: "country",
      error: 'unknown country "Untied States": use a 2-letter ISO 3166-1 code such as US or DE',
    });
  });

  it("folds link_props columns into linkProps, converting booleans and JSON", () => {
    const targets = ["email", "linkProps", "linkProps.archived", "linkProps.externalId"];
    expect(cellsToRequest(["a@b.co", '{"tagNames":"vip"}', "yes", "42"], targets)).toEqual({
      body: { email: "a@b.co", linkProps: { tagNames: "vip", archived: true, externalId: "42" } },
    });
    expect(cellsToRequest(["a@b.co", "{oops", "", ""], targets)).toMatchObject({ field: "linkProps" });
  });
});

describe("objectToRequest", () => {
  it("matches keys like headers and trims strings", () => {
    expect(
      objectToRequest({
        Email: " a@b.co ",
        first_name: "Ada",
        lastName: "Lovelace",
        linkProps: { externalId: "1" },
      }),
    ).toEqual({
      body: { name: "Ada Lovelace", email: "a@b.co", linkProps: { externalId: "1" } },
    });
  });

  it("refuses two keys for one field", () => {
    expect(objectToRequest({ email: "a@b.co", "E-mail": "c@d.co" })).toEqual({
      field: "email",
      error: 'both "email" and "E-mail" give email',
    });
  });
});
