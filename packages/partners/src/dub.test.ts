import { describe, expect, it } from "vitest";
import { Dub } from "./dub.js";
import { enrolledPartnerBody, startFixtureServer } from "./testing/fixture-server.js";

describe("Dub lifecycle", () => {
  it("await using closes the pooled connection when the scope ends", async () => {
    const server = await startFixtureServer(() => ({ status: 201, body: enrolledPartnerBody() }));
    try {
      {
        await using dub = new Dub({ token: "dub_test_0123456789abcdefghijklmn", serverURL: server.url });
        await dub.partners.create({ email: "jane@example.com" });
        await dub.partners.create({ email: "jane@example.com" });
        expect(server.openSockets()).toBeGreaterThan(0);
      }
      await expect.poll(() => server.openSockets()).toBe(0);
    } finally {
      await server.close();
    }
  });

  it("reads the token from DUB_API_KEY when none is given", async () => {
    const server = await startFixtureServer(() => ({ status: 201, body: enrolledPartnerBody() }));
    const previous = process.env.DUB_API_KEY;
    process.env.DUB_API_KEY = "dub_from_env_0123456789abcdefgh";
    try {
      await using dub = new Dub({ serverURL: server.url });
      await dub.partners.create({ email: "jane@example.com" });
      expect(server.requests[0]?.headers.authorization).toBe("Bearer dub_from_env_0123456789abcdefgh");
    } finally {
      if (previous === undefined) delete process.env.DUB_API_KEY;
      else process.env.DUB_API_KEY = previous;
      await server.close();
    }
  });
});
