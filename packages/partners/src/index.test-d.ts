import { describe, expectTypeOf, it } from "vitest";
import {
  type CreatePartnerRequest,
  Dub,
  DubCore,
  type EnrolledPartner,
  type Link,
  type Page,
  type PagePromise,
  type Partner,
  type PartnerAnalyticsCount,
  type PartnerAnalyticsTimeseries,
  type PartnerAnalyticsTopLinks,
  type PartnerApplication,
  type PartnerIdResult,
  type PartnerLink,
  retrievePartnerAnalytics,
} from "./index.js";

describe("public types", () => {
  it("requires only email in a create request", () => {
    expectTypeOf<{ email: string }>().toExtend<CreatePartnerRequest>();
    expectTypeOf<{ name: string }>().not.toExtend<CreatePartnerRequest>();
    // The seed-era programId still compiles (deprecated; dropped before sending).
    void new Dub({ token: "dub_x" }).partners.create({ email: "a@b.co", programId: "prog_1" });
  });

  it("types create's result as the enrolled partner with open enums", () => {
    const dub = new Dub({ token: "dub_x" });
    expectTypeOf(dub.partners.create({ email: "a@b.co" })).resolves.toEqualTypeOf<EnrolledPartner>();
    expectTypeOf<EnrolledPartner["status"]>().toExtend<string>();
    expectTypeOf<"approved">().toExtend<EnrolledPartner["status"]>();
    expectTypeOf<"a-status-from-the-future">().toExtend<EnrolledPartner["status"]>();
  });

  it("types list as an awaitable, iterable page of partners", () => {
    const dub = new Dub({ token: "dub_x" });
    expectTypeOf(dub.partners.list()).toEqualTypeOf<PagePromise<Partner>>();
    expectTypeOf<Awaited<PagePromise<Partner>>>().toEqualTypeOf<Page<Partner>>();
    expectTypeOf<PagePromise<Partner>>().toExtend<AsyncIterable<Partner>>();
  });
});

describe("the partner-program operations", () => {
  const dub = new Dub({ token: "dub_x" });

  it("types analytics by groupBy", () => {
    expectTypeOf(
      dub.partners.analytics({ partnerId: "pn_1" }),
    ).resolves.toEqualTypeOf<PartnerAnalyticsCount>();
    expectTypeOf(
      dub.partners.analytics({ partnerId: "pn_1", groupBy: "count" }),
    ).resolves.toEqualTypeOf<PartnerAnalyticsCount>();
    expectTypeOf(dub.partners.analytics({ partnerId: "pn_1", groupBy: "timeseries" })).resolves.toEqualTypeOf<
      PartnerAnalyticsTimeseries[]
    >();
    expectTypeOf(
      retrievePartnerAnalytics(new DubCore(), { tenantId: "t", groupBy: "top_links", interval: "30d" }),
    ).resolves.toEqualTypeOf<PartnerAnalyticsTopLinks[]>();
    // @ts-expect-error not a groupBy value
    void dub.partners.analytics({ partnerId: "pn_1", groupBy: "hourly" });
  });

  it("types links, actions and applications", () => {
    expectTypeOf(dub.partners.createLink({ partnerId: "pn_1", key: "jane" })).resolves.toEqualTypeOf<Link>();
    expectTypeOf(dub.partners.retrieveLinks({ tenantId: "t" })).resolves.toEqualTypeOf<PartnerLink[]>();
    expectTypeOf(
      dub.partners.upsertLink({ partnerId: "pn_1", url: "https://a.test" }),
    ).resolves.toEqualTypeOf<Link>();
    expectTypeOf(
      dub.partners.ban({ partnerId: "pn_1", reason: "fraud" }),
    ).resolves.toEqualTypeOf<PartnerIdResult>();
    // @ts-expect-error a ban needs a known reason
    void dub.partners.ban({ partnerId: "pn_1", reason: "rude" });
    expectTypeOf(dub.partnerApplications.list()).toEqualTypeOf<PagePromise<PartnerApplication>>();
    expectTypeOf(
      dub.partnerApplications.approve({ partnerId: "pn_1" }),
    ).resolves.toEqualTypeOf<PartnerIdResult>();
    // @ts-expect-error approve needs partnerId
    void dub.partnerApplications.approve({});
    expectTypeOf(
      dub.partnerApplications.reject({ partnerId: "pn_1", reapplicationTimeframe: "never" }),
    ).resolves.toEqualTypeOf<PartnerIdResult>();
  });
});
