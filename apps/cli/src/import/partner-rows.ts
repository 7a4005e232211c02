// The import's rows: create-partner bodies from the export's columns, checked with the contract's create schema, and
// identified by the email (Dub keeps one partner per email, in any case) with the tenantId as the value no two rows
// may share (Dub gives a tenantId to one partner).

import { checkCreateRequest } from "../request-check.js";
import { PARTNER_COLUMNS } from "./column-mapping.js";
import { loadCountries } from "./country-code.js";
import { emailKey } from "./row-identity.js";
import { compileCellsMapper, objectToRequest } from "./row-mapping.js";
import { otherSpelling, type RowRules } from "./row-rules.js";

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
      label: { email: String(data.email) },
    }),
    duplicate: ({ field, firstLine, firstLabel }, data) => {
      const email = String(data.email);
      const first = firstLabel?.email ?? email;
      if (field === "key") {
        // The email as the sent line spells it; this line's spelling too when it differs (only in case).
        const spelling = otherSpelling(first, email);
        return {
          error: `duplicate: line ${firstLine} has the email ${first} already${spelling} (Dub keeps one partner per email, in any case); only line ${firstLine} is sent`,
          field: "email",
        };
      }
      return {
        error: `duplicate: line ${firstLine} has the tenantId ${JSON.stringify(data.tenantId)} already, for ${first}; this line's ${email} would get line ${firstLine}'s partner (Dub gives a tenantId to one partner); only line ${firstLine} is sent`,
        field: "tenantId",
      };
    },
  },
};
