// The extension operation against the dubkit emulator with the team's route plugged in: typed results, validation
// before sending, and dubkit's errors from the shared pipeline (authentication, rate limits).
import { InvalidRequestError, RateLimitExceeded, Unauthorized } from "@dubkit/core";
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { createTransport } from "@dubkit/fetch";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listCustomers } from "./list-customers.js";
import { CUSTOMERS, customersRoute } from "./testing/customers-route.js";

let emulator: Emulator;
beforeEach(async () => {
  emulator = await startEmulator({ seed: 5, routes: [customersRoute], rateLimit: { limit: 3 } });
});
afterEach(() => emulator.stop());

describe("listCustomers, an operation defined outside dubkit", () => {
  it("lists and filters through dubkit's transport", async () => {
    await using transport = createTransport({ token: emulator.apiKey, serverURL: emulator.url });
    expect(await listCustomers(transport)).toEqual(CUSTOMERS);
    const [ada] = await listCustomers(transport, { email: "ada@example.com" });
    expect(ada?.name).toBe("Ada Lovelace");
  });

  it("validates the query before sending, with the field named", async () => {
    await using transport = createTransport({ token: emulator.apiKey, serverURL: emulator.url });
    const error = await listCustomers(transport, { pageSize: 500 }).catch((e: unknown) => e);
    expect(InvalidRequestError.isInstance(error)).toBe(true);
    expect((error as InvalidRequestError).issues[0]?.path).toBe("pageSize");
    expect(emulator.stats().requests).toBe(0);
  });

  it("gets dubkit's typed errors from the emulator's shared pipeline", async () => {
    await using stranger = createTransport({
      token: "dub_unknownkey000000000000000",
      serverURL: emulator.url,
    });
    expect(Unauthorized.isInstance(await listCustomers(stranger).catch((e: unknown) => e))).toBe(true);

    await using transport = createTransport({
      token: emulator.apiKey,
      serverURL: emulator.url,
      retries: { strategy: "none" },
    });
    for (let i = 0; i < 3; i++) await listCustomers(transport);
    const limited = await listCustomers(transport).catch((e: unknown) => e);
    expect(RateLimitExceeded.isInstance(limited)).toBe(true);
  });
});
