import { describe, expect, it } from "vitest";
import { REDACTED, redact, rememberSecret } from "./redact.js";

describe("redact", () => {
  it("hides anything shaped like a Dub key, wherever it is quoted", () => {
    const key = "dub_AbCdEfGh12345678ZyXwVuTs";
    expect(redact(`--base-url must be a URL, got "${key}".`)).toBe(
      `--base-url must be a URL, got "${REDACTED}".`,
    );
    expect(redact(`http://x/?token=${key}&a=${key}`)).toBe(`http://x/?token=${REDACTED}&a=${REDACTED}`);
  });

  it("leaves words that merely start with dub_ alone", () => {
    expect(redact("dub_id and dub_x")).toBe("dub_id and dub_x");
  });

  it("hides a remembered token that does not look like a Dub key", () => {
    rememberSecret("sk-live-0123456789");
    expect(redact("Bearer sk-live-0123456789 failed")).toBe(`Bearer ${REDACTED} failed`);
  });
});
