// The API token given where data goes (a link's key, a partner's name, a tenant id to look up): Dub would store it,
// and a link's key is a public URL. The CLI refuses before anything is sent, naming the field, never the token.

import { startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { expect, it } from "vitest";
import { isolatedEnv, runCli } from "./run-cli.js";

it("refuses to send the token as a link key, a name or a lookup value, exit 2, naming the field", {
  timeout: 60_000,
}, async () => {
  const emulator = await startEmulator({ port: 0, rateLimit: false, seed: 21 });
  try {
    const token = emulator.apiKey;
    await using dub = new Dub({ token, serverURL: emulator.url });
    await dub.partners.create({ email: "jane@example.com", tenantId: "user_42" });
    const env = await isolatedEnv({ DUB_API_KEY: token, DUB_API_URL: emulator.url });
    const before = emulator.stats().requests;
    const linksBefore = emulator.links().length;

    const cases: [string[], string][] = [
      [["partners", "links", "create", "--tenant-id", "user_42", "--key", token], "key"],
      [
        [
          "partners",
          "links",
          "create",
          "--tenant-id",
          "user_42",
          "--link-props",
          JSON.stringify({ externalId: token }),
        ],
        "linkProps.externalId",
      ],
      [["partners", "create", "--email", "john@example.com", "--name", `John ${token}`], "name"],
      [["partners", "links", "list", "--tenant-id", token], "tenantId"],
    ];
    for (const [args, field] of cases) {
      // The link commands look the partner up first (GET /partners?tenantId=…): that one may go, the write not.
      const requests = emulator.stats().requests;
      const result = await runCli([...args, "--json"], env);
      expect(result.code, result.stderr).toBe(2);
      expect(result.stdout).toBe("");
      const { error } = JSON.parse(result.stderr);
      expect(error).toMatchObject({
        code: "invalid_request",
        field,
        message: `Invalid request, nothing was sent: ${field} is the Dub API token itself; it is sent only as the credential, never as data.`,
      });
      expect(result.stderr).not.toContain(token.slice(4));
      const text = await runCli(args, env);
      expect(text.code).toBe(2);
      expect(text.stderr).toContain(`${field} is the Dub API token itself`);
      expect(text.stderr).not.toContain(token.slice(4));
      expect(emulator.stats().requests - requests).toBeLessThanOrEqual(2);
    }
    // Nothing was written: no link with the token, no second partner.
    expect(emulator.links()).toHaveLength(linksBefore);
    expect(emulator.partners().map((p) => p.email)).toEqual(["jane@example.com"]);
    expect(emulator.stats().requests - before).toBeLessThanOrEqual(4);
  } finally {
    await emulator.stop();
  }
});
