import { expect, it } from "vitest";
import { CliError } from "../cli-error.js";
import { resolveOutputFormat } from "./output-format.js";

it("prints a table on a terminal and TSV elsewhere unless a format is asked for", () => {
  expect(resolveOutputFormat({}, true)).toBe("table");
  expect(resolveOutputFormat({}, false)).toBe("tsv");
  expect(resolveOutputFormat({ format: "table" }, false)).toBe("table");
  expect(resolveOutputFormat({ json: true }, true)).toBe("json");
  expect(resolveOutputFormat({ json: true, format: "json" }, false)).toBe("json");
});

it("refuses --json with another --format", () => {
  expect(() => resolveOutputFormat({ json: true, format: "csv" }, true)).toThrow(CliError);
});
