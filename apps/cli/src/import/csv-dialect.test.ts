import { describe, expect, it } from "vitest";
import { detectDialect, parseDelimiter } from "./csv-dialect.js";

describe("detectDialect", () => {
  it("finds the separator that splits the header, quotes respected", () => {
    expect(detectDialect("email;name;country\r\na@b.co;A;DE\r\n", undefined)).toEqual({
      delimiter: ";",
      skipLines: 0,
      source: "detected",
    });
    expect(detectDialect('"a,b";c;d\n', undefined).delimiter).toBe(";");
    expect(detectDialect("email\tname\n", undefined).delimiter).toBe("\t");
    expect(detectDialect("email,name\n", undefined).delimiter).toBe(",");
  });

  it("takes a comma for a one-column file", () => {
    expect(detectDialect("email\na@b.co\n", undefined)).toEqual({
      delimiter: ",",
      skipLines: 0,
      source: "default",
    });
  });

  it("obeys Excel's sep= line and skips it", () => {
    expect(detectDialect("sep=;\nemail;name\n", undefined)).toEqual({
      delimiter: ";",
      skipLines: 1,
      source: "sep= line",
    });
  });

  it("lets --delimiter win", () => {
    expect(detectDialect("a;b\n", { delimiter: ",", source: "--delimiter" }).delimiter).toBe(",");
    expect(parseDelimiter("semicolon", "--delimiter")).toBe(";");
    expect(parseDelimiter("tab", "--delimiter")).toBe("\t");
    expect(() => parseDelimiter(";;", "--delimiter")).toThrow(/one character/);
  });
});
