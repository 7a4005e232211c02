import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { buildLinkBody } from "./link-body.js";

const stdin = (text: string) => Readable.from([text]);

describe("buildLinkBody", () => {
  it("puts the flags over --data and takes the partner out of the body", async () => {
    const built = await buildLinkBody(
      { data: "-", key: "jane-spring", linkProps: '{"externalId":"42"}', tenantId: "user_42" },
      stdin('{"url":"https://acme.test","key":"old","partnerId":"pn_other","linkProps":{"archived":true}}'),
    );
    expect(built).toEqual({
      body: { url: "https://acme.test", key: "jane-spring", linkProps: { externalId: "42" } },
      partner: { filter: "tenantId", value: "user_42", label: "tenant id user_42" },
    });
  });

  it("names the partner from the body when no flag does, partnerId over tenantId as on Dub", async () => {
    const both = await buildLinkBody({ data: "-" }, stdin('{"partnerId":"pn_1","tenantId":"user_42"}'));
    expect(both).toEqual({ body: {}, partner: { filter: "search", value: "pn_1", label: "id pn_1" } });
    const tenant = await buildLinkBody({ data: "-" }, stdin('{"partnerId":"","tenantId":"user_42"}'));
    expect(tenant.partner).toMatchObject({ filter: "tenantId", value: "user_42" });
  });

  it("exits 2 when nothing names the partner", async () => {
    const error = await buildLinkBody({ url: "https://acme.test" }, stdin("")).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      exitCode: 2,
      field: "partnerId",
      message: "Name the partner: --partner-id, --tenant-id or --email (or partnerId or tenantId in --data).",
    });
  });
});
