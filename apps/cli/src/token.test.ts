import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { checkToken, isDubKey, maskToken } from "./token.js";

const TOKEN = "dub_abcdefghijklmnopqrstuvwx";

describe("checkToken", () => {
  it("trims whitespace and the CR of a CRLF file", () => {
    expect(checkToken(`  ${TOKEN}\r\n`, "stdin")).toBe(TOKEN);
  });

  it("refuses an empty token and one an HTTP header cannot carry, with exit 2, never quoting it", () => {
    for (const raw of ["   ", "dub_abc def", "dub_abc\u0000def", "dub_abcdéfghijklmnopqrstuvw"]) {
      let error: unknown;
      try {
        checkToken(raw, "DUB_API_KEY");
      } catch (caught) {
        error = caught;
      }
      expect(error).toBeInstanceOf(CliError);
      expect((error as CliError).exitCode).toBe(2);
      expect((error as CliError).message).toContain("DUB_API_KEY");
      if (raw.trim() !== "") expect((error as CliError).message).not.toContain(raw.trim());
    }
  });

  it("names the character and its position", () => {
    expect(() => checkToken("dub_abc déf", "--token")).toThrow(/U\+0020 at position 8/);
  });
});

describe("isDubKey", () => {
  it("accepts dub_ followed by letters and digits only", () => {
    expect(isDubKey(TOKEN)).toBe(true);
    expect(isDubKey("hello")).toBe(false);
    expect(isDubKey("dub_")).toBe(false);
    expect(isDubKey("dub_abc-def")).toBe(false);
  });
});

describe("maskToken", () => {
  it("shows only the prefix and the last four characters", () => {
    expect(maskToken(TOKEN)).toBe("dub_…uvwx");
    expect(maskToken(TOKEN)).not.toContain("abcdefgh");
  });

  it("hides short tokens entirely", () => {
    expect(maskToken("dub_short")).toBe("dub_****");
    expect(maskToken("secret")).toBe("****");
  });
});
