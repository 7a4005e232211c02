import { describe, expect, it } from "vitest";
import type { CliError } from "../cli-error.js";
import { type ExplicitMapping, planColumns } from "./column-mapping.js";

const none: ExplicitMapping = new Map();

function mappingError(header: string[], explicit: ExplicitMapping = none): CliError {
  try {
    planColumns(header, explicit);
  } catch (error) {
    return error as CliError;
  }
  throw new Error("expected the mapping to be refused");
}

describe("planColumns", () => {
  it("recognises the names real exports use", () => {
    const header = ["Partner Key", "First Name", "Last Name", "Email Address", "Country", "Commission"];
    const plan = planColumns(header, none);
    expect(plan.targets).toEqual(["tenantId", "firstName", "lastName", "email", "country", undefined]);
    expect(plan.ignored).toEqual(["Commission"]);
  });

  it.each([["E-mail"], ["email"], ["EMAIL"], ["Email Address"], ["e_mail"]])(
    "takes %s as the email",
    (name) => {
      expect(planColumns([name, "Full Name"], none).targets).toEqual(["email", "name"]);
    },
  );

  it("maps link_props.<key> columns and the API's own spellings", () => {
    const plan = planColumns(["email", "tenant_id", "link_props.external_id", "Group ID"], none);
    expect(plan.targets).toEqual(["email", "tenantId", "linkProps.externalId", "groupId"]);
  });

  it("refuses a file with no email column, naming its columns", () => {
    const error = mappingError(["name", "company"]);
    expect(error.exitCode).toBe(2);
    expect(error.code).toBe("column_mapping");
    expect(error.message).toContain('no column holds the email (columns: "name", "company")');
  });

  it("refuses duplicate header names of a field instead of taking the last one", () => {
    const error = mappingError(["email", "name", "email"]);
    expect(error.message).toContain('the header has 2 columns named "email" (columns 1, 3)');
  });

  it("refuses two columns that could both be the email", () => {
    const error = mappingError(["Email", "E-mail", "name"]);
    expect(error.message).toContain('"Email" (column 1) and "E-mail" (column 2) could each be email');
  });

  it("refuses a full name beside first and last names", () => {
    const error = mappingError(["email", "Full Name", "First Name", "Last Name"]);
    expect(error.message).toContain(
      '"Full Name" (column 2) and "First Name" (column 3) and "Last Name" (column 4) both give the name',
    );
  });

  it("lets an explicit mapping settle what names cannot", () => {
    const explicit: ExplicitMapping = new Map([
      ["email", "E-mail"],
      ["name", null],
    ]);
    const plan = planColumns(["Email", "E-mail", "Full Name", "First Name", "Last Name"], explicit);
    expect(plan.targets).toEqual([undefined, "email", undefined, "firstName", "lastName"]);
    expect(plan.ignored).toEqual(["Email", "Full Name"]);
  });

  it("maps an unusual column by name", () => {
    const plan = planColumns(
      ["Contact", "Ref"],
      new Map([
        ["email", "Contact"],
        ["tenantId", "ref"],
      ]),
    );
    expect(plan.targets).toEqual(["email", "tenantId"]);
  });

  it("refuses a mapping to a column the file does not have", () => {
    const error = mappingError(["email"], new Map([["name", "Full Name"]]));
    expect(error.message).toContain('name is mapped to "Full Name", but the file has no such column');
  });

  it("ignores a failure report's own columns without listing them", () => {
    const plan = planColumns(["email", "dubkit_line", "dubkit_field", "dubkit_error", "dubkit_status"], none);
    expect(plan.targets).toEqual(["email", undefined, undefined, undefined, undefined]);
    expect(plan.ignored).toEqual([]);
  });
});
