import { expect, it } from "vitest";
import { BODY_LIMIT, loggedBody } from "./request-log.js";

it("redacts tokens in a logged body and keeps it on one line", () => {
  expect(loggedBody('{"token":"dub_abcdefghijklmnopqrstuvwx"}\n')).toBe('{"token":"dub_[REDACTED]"}\\n');
});

it("cuts a body past the limit and says how much was left out", () => {
  const body = "x".repeat(BODY_LIMIT + 1234);
  const logged = loggedBody(body);
  expect(logged.startsWith("x".repeat(BODY_LIMIT))).toBe(true);
  expect(logged.endsWith("… (1,234 more characters)")).toBe(true);
  expect(loggedBody("short")).toBe("short");
});
