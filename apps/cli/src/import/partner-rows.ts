// The import's rows: create-partner bodies from the export's columns, checked with the contract's create schema, and
// identified by the email (Dub keeps one partner per email, in any case) with the tenantId as the value no two rows
// may share (Dub gives a tenantId to one partner).

import { checkCreateRequest } from "../request-check.js";
import { PARTNER_COLUMNS } from "./column-mapping.js";
import { loadCountries } from "./country-code.js";
import { emailKey } from "./row-identity.js";
import { compileCellsMapper, objectToRequest } from "./row-mapping.js";
import type { RowRules } from "./row-rules.js";

/** The rules of `partners import`. */
export const PARTNER_ROWS: RowRules = {
  vocabulary: PARTNER_COLUMNS,
  cellsMapper: (targets) => {
    if (targets.includes("country")) loadCountries();
    return compileCellsMapper(targets, PARTNER_COLUMNS);
  },
  objectMapper: () => {
    // Any line may carry a country.
    loadCountries();
    return (object) => objectToRequest(object, PARTNER_COLUMNS);
  },
  check: {
    validate: (body) => checkCreateRequest(body),
    identify: (data) => ({
      key: emailKey(String(data.email)),
      secondary: typeof data.tenantId === "string" ? data.tenantId : undefined,
    }),
    duplicate: ({ field, firstLine }, data) =>
      field === "key"
        ? {
            error: `duplicate: line ${firstLine} has the email ${String(data.email)} already (Dub keeps one partner per email, in any case); only line ${firstLine} is sent`,
            field: "email",
          }
        : {
            error: `duplicate: line ${firstLine} has the tenantId ${JSON.stringify(data.tenantId)} already, for another email (Dub gives a tenantId to one partner); only line ${firstLine} is sent`,
            field: "tenantId",
          },
  },
};
