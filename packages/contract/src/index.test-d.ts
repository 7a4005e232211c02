// The contract's types: inferred from the schemas, exact (no index signature), and composable with the app's zod.
import type { OperationInput, OperationOutput } from "@dubkit/core";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import type {
  ApprovePartnerApplicationRequest,
  approvePartnerApplicationBody,
  approvePartnerApplicationOperation,
  BanPartnerRequest,
  BanPartnerResponse,
  banPartnerBody,
  banPartnerOperation,
  banPartnerResponse,
  CreatePartnerLinkRequest,
  CreatePartnerRequest,
  createPartnerLinkBody,
  createPartnerLinkOperation,
  createPartnerLinkResponse,
  DeactivatePartnerRequest,
  DubErrorBody,
  deactivatePartnerBody,
  deactivatePartnerOperation,
  EnrolledPartner,
  enrolledPartner,
  GetLinkInfoQuery,
  getLinkInfoOperation,
  Link,
  ListPartnerApplicationsQuery,
  ListPartnersQuery,
  listPartnerApplicationsOperation,
  listPartnerApplicationsQuery,
  listPartnerApplicationsResponse,
  listPartnersOperation,
  listPartnersQuery,
  listPartnersResponse,
  Partner,
  PartnerAnalyticsCount,
  PartnerAnalyticsResult,
  PartnerAnalyticsTimeseries,
  PartnerAnalyticsTopLinks,
  PartnerApplication,
  PartnerIdResult,
  PartnerLink,
  RejectPartnerApplicationRequest,
  RetrievePartnerAnalyticsQuery,
  RetrievePartnerAnalyticsResponse,
  RetrievePartnerLinksQuery,
  rejectPartnerApplicationBody,
  rejectPartnerApplicationOperation,
  retrievePartnerAnalyticsOperation,
  retrievePartnerAnalyticsQuery,
  retrievePartnerAnalyticsResponse,
  retrievePartnerLinksOperation,
  retrievePartnerLinksQuery,
  retrievePartnerLinksResponse,
  UpsertPartnerLinkRequest,
  upsertPartnerLinkBody,
  upsertPartnerLinkOperation,
  upsertPartnerLinkResponse,
} from "./index.js";
import { createPartnerBody } from "./index.js";

describe("contract types", () => {
  it("infers every exported schema's type with z.infer, as the named types say", () => {
    expectTypeOf<z.infer<typeof enrolledPartner>>().toEqualTypeOf<EnrolledPartner>();
    expectTypeOf<z.input<typeof createPartnerBody>>().toEqualTypeOf<CreatePartnerRequest>();
    expectTypeOf<z.input<typeof createPartnerLinkBody>>().toEqualTypeOf<CreatePartnerLinkRequest>();
    expectTypeOf<z.input<typeof upsertPartnerLinkBody>>().toEqualTypeOf<UpsertPartnerLinkRequest>();
    expectTypeOf<z.input<typeof retrievePartnerLinksQuery>>().toEqualTypeOf<RetrievePartnerLinksQuery>();
    expectTypeOf<
      z.input<typeof retrievePartnerAnalyticsQuery>
    >().toEqualTypeOf<RetrievePartnerAnalyticsQuery>();
    expectTypeOf<z.input<typeof banPartnerBody>>().toEqualTypeOf<BanPartnerRequest>();
    expectTypeOf<z.input<typeof deactivatePartnerBody>>().toEqualTypeOf<DeactivatePartnerRequest>();
    expectTypeOf<
      z.input<typeof listPartnerApplicationsQuery>
    >().toEqualTypeOf<ListPartnerApplicationsQuery>();
    expectTypeOf<
      z.input<typeof approvePartnerApplicationBody>
    >().toEqualTypeOf<ApprovePartnerApplicationRequest>();
    expectTypeOf<
      z.input<typeof rejectPartnerApplicationBody>
    >().toEqualTypeOf<RejectPartnerApplicationRequest>();
    expectTypeOf<z.infer<typeof createPartnerLinkResponse>>().toEqualTypeOf<Link>();
    expectTypeOf<z.infer<typeof upsertPartnerLinkResponse>>().toEqualTypeOf<Link>();
    expectTypeOf<z.infer<typeof retrievePartnerLinksResponse>>().toEqualTypeOf<PartnerLink[]>();
    expectTypeOf<
      z.infer<typeof retrievePartnerAnalyticsResponse>
    >().toEqualTypeOf<RetrievePartnerAnalyticsResponse>();
    expectTypeOf<z.infer<typeof banPartnerResponse>>().toEqualTypeOf<BanPartnerResponse>();
    expectTypeOf<z.infer<typeof listPartnerApplicationsResponse>>().toEqualTypeOf<PartnerApplication[]>();
    expectTypeOf<z.input<typeof listPartnersQuery>>().toEqualTypeOf<ListPartnersQuery>();
    expectTypeOf<z.infer<typeof listPartnersResponse>>().toEqualTypeOf<Partner[]>();
    expectTypeOf<zm.infer<typeof enrolledPartner>["id"]>().toEqualTypeOf<string>();
  });

  it("requires only email in a create request, and types the optional fields", () => {
    expectTypeOf<{ email: string }>().toExtend<CreatePartnerRequest>();
    expectTypeOf<{ name: string }>().not.toExtend<CreatePartnerRequest>();
    expectTypeOf<CreatePartnerRequest["name"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<CreatePartnerRequest["tenantId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<{ email: string; tenantId: null }>().not.toExtend<CreatePartnerRequest>();
  });

  it("accepts a tag string as input and sends a list", () => {
    type LinkPropsIn = NonNullable<CreatePartnerRequest["linkProps"]>;
    type LinkPropsOut = NonNullable<z.output<typeof createPartnerBody>["linkProps"]>;
    expectTypeOf<LinkPropsIn["tagIds"]>().toEqualTypeOf<string | string[] | undefined>();
    expectTypeOf<LinkPropsOut["tagIds"]>().toEqualTypeOf<string[] | undefined>();
  });

  it("has no index signature on responses, so a misspelt field does not compile", () => {
    const partner = {} as EnrolledPartner;
    // @ts-expect-error `stauts` is not a field of a partner
    void partner.stauts;
    expectTypeOf<EnrolledPartner>().not.toHaveProperty("stauts");
    expectTypeOf<keyof EnrolledPartner>().toExtend<string>();
    expectTypeOf<string>().not.toExtend<keyof EnrolledPartner>();
  });

  it("types enrolled-partner enums as open: the known values, or any string", () => {
    expectTypeOf<EnrolledPartner["status"]>().toEqualTypeOf<
      | "pending"
      | "approved"
      | "rejected"
      | "invited"
      | "declined"
      | "deactivated"
      | "banned"
      | "archived"
      | (string & {})
    >();
    expectTypeOf<"a-status-from-the-future">().toExtend<EnrolledPartner["networkStatus"]>();
  });

  it("types required, nullable and optional response fields", () => {
    expectTypeOf<EnrolledPartner["tenantId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<EnrolledPartner["groupId"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<EnrolledPartner["links"]>[number]["shortLink"]>().toEqualTypeOf<string>();
  });

  it("types list queries with numbers for page and pageSize", () => {
    expectTypeOf<ListPartnersQuery["page"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<ListPartnersQuery["sortOrder"]>().toEqualTypeOf<"asc" | "desc" | undefined>();
    expectTypeOf<Record<string, never>>().toExtend<ListPartnersQuery>();
  });

  it("types each operation with its request and response types", () => {
    expectTypeOf<OperationInput<typeof listPartnersOperation>>().toEqualTypeOf<ListPartnersQuery>();
    expectTypeOf<OperationOutput<typeof listPartnersOperation>>().toEqualTypeOf<Partner[]>();
    expectTypeOf<
      OperationInput<typeof createPartnerLinkOperation>
    >().toEqualTypeOf<CreatePartnerLinkRequest>();
    expectTypeOf<OperationOutput<typeof createPartnerLinkOperation>>().toEqualTypeOf<Link>();
    expectTypeOf<
      OperationInput<typeof upsertPartnerLinkOperation>
    >().toEqualTypeOf<UpsertPartnerLinkRequest>();
    expectTypeOf<OperationOutput<typeof upsertPartnerLinkOperation>>().toEqualTypeOf<Link>();
    expectTypeOf<
      OperationInput<typeof retrievePartnerLinksOperation>
    >().toEqualTypeOf<RetrievePartnerLinksQuery>();
    expectTypeOf<OperationOutput<typeof retrievePartnerLinksOperation>>().toEqualTypeOf<PartnerLink[]>();
    expectTypeOf<OperationInput<typeof getLinkInfoOperation>>().toEqualTypeOf<GetLinkInfoQuery>();
    expectTypeOf<GetLinkInfoQuery>().toEqualTypeOf<{ domain: string; key: string }>();
    expectTypeOf<OperationOutput<typeof getLinkInfoOperation>>().toEqualTypeOf<Link>();
    expectTypeOf<
      OperationInput<typeof retrievePartnerAnalyticsOperation>
    >().toEqualTypeOf<RetrievePartnerAnalyticsQuery>();
    expectTypeOf<
      OperationOutput<typeof retrievePartnerAnalyticsOperation>
    >().toEqualTypeOf<RetrievePartnerAnalyticsResponse>();
    expectTypeOf<OperationInput<typeof banPartnerOperation>>().toEqualTypeOf<BanPartnerRequest>();
    expectTypeOf<OperationOutput<typeof banPartnerOperation>>().toEqualTypeOf<PartnerIdResult>();
    expectTypeOf<
      OperationInput<typeof deactivatePartnerOperation>
    >().toEqualTypeOf<DeactivatePartnerRequest>();
    expectTypeOf<OperationOutput<typeof deactivatePartnerOperation>>().toEqualTypeOf<PartnerIdResult>();
    expectTypeOf<
      OperationInput<typeof listPartnerApplicationsOperation>
    >().toEqualTypeOf<ListPartnerApplicationsQuery>();
    expectTypeOf<OperationOutput<typeof listPartnerApplicationsOperation>>().toEqualTypeOf<
      PartnerApplication[]
    >();
    expectTypeOf<
      OperationInput<typeof approvePartnerApplicationOperation>
    >().toEqualTypeOf<ApprovePartnerApplicationRequest>();
    expectTypeOf<
      OperationOutput<typeof approvePartnerApplicationOperation>
    >().toEqualTypeOf<PartnerIdResult>();
    expectTypeOf<
      OperationInput<typeof rejectPartnerApplicationOperation>
    >().toEqualTypeOf<RejectPartnerApplicationRequest>();
    expectTypeOf<
      OperationOutput<typeof rejectPartnerApplicationOperation>
    >().toEqualTypeOf<PartnerIdResult>();
  });

  it("has no index signature on the new responses either", () => {
    // @ts-expect-error `shortlink` is not a field of a link (it is `shortLink`)
    void ({} as Link).shortlink;
    expectTypeOf<string>().not.toExtend<keyof Link>();
    expectTypeOf<string>().not.toExtend<keyof Partner>();
    expectTypeOf<string>().not.toExtend<keyof PartnerApplication>();
    expectTypeOf<string>().not.toExtend<keyof PartnerApplication["partner"]>();
    expectTypeOf<string>().not.toExtend<keyof PartnerAnalyticsCount>();
    expectTypeOf<string>().not.toExtend<keyof PartnerAnalyticsTopLinks>();
    expectTypeOf<string>().not.toExtend<keyof PartnerIdResult>();
  });

  it("maps groupBy to the analytics answer's shape, count by default", () => {
    expectTypeOf<PartnerAnalyticsResult>().toEqualTypeOf<PartnerAnalyticsCount>();
    expectTypeOf<PartnerAnalyticsResult<undefined>>().toEqualTypeOf<PartnerAnalyticsCount>();
    expectTypeOf<PartnerAnalyticsResult<"count">>().toEqualTypeOf<PartnerAnalyticsCount>();
    expectTypeOf<PartnerAnalyticsResult<"timeseries">>().toEqualTypeOf<PartnerAnalyticsTimeseries[]>();
    expectTypeOf<PartnerAnalyticsResult<"top_links">>().toEqualTypeOf<PartnerAnalyticsTopLinks[]>();
    expectTypeOf<PartnerAnalyticsResult<"count" | "top_links">>().toEqualTypeOf<
      PartnerAnalyticsCount | PartnerAnalyticsTopLinks[]
    >();
    expectTypeOf<
      PartnerAnalyticsResult<NonNullable<RetrievePartnerAnalyticsQuery["groupBy"]>>
    >().toEqualTypeOf<RetrievePartnerAnalyticsResponse>();
  });

  it("types the new requests as a caller writes them", () => {
    expectTypeOf<RetrievePartnerAnalyticsQuery["start"]>().toEqualTypeOf<string | Date | undefined>();
    expectTypeOf<RetrievePartnerAnalyticsQuery["groupBy"]>().toEqualTypeOf<
      "top_links" | "timeseries" | "count" | undefined
    >();
    expectTypeOf<ListPartnersQuery["groupId"]>().toEqualTypeOf<string | string[] | undefined>();
    expectTypeOf<ListPartnersQuery["includePartnerPlatforms"]>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<ListPartnersQuery["totalClicksMin"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<{ url: string }>().toExtend<UpsertPartnerLinkRequest>();
    expectTypeOf<{ partnerId: string }>().not.toExtend<UpsertPartnerLinkRequest>();
    expectTypeOf<{ partnerId: string }>().not.toExtend<BanPartnerRequest>();
    expectTypeOf<{ tenantId: string; reason: "fraud" }>().toExtend<BanPartnerRequest>();
    expectTypeOf<Record<string, never>>().toExtend<DeactivatePartnerRequest>();
    expectTypeOf<{ partnerId: string }>().toExtend<RejectPartnerApplicationRequest>();
    expectTypeOf<RejectPartnerApplicationRequest["reapplicationTimeframe"]>().toEqualTypeOf<
      "instant" | "standard" | "never" | undefined
    >();
  });

  it("types response enums openly and optional response fields as such", () => {
    expectTypeOf<"a-color-from-the-future">().toExtend<NonNullable<Link["tags"]>[number]["color"]>();
    expectTypeOf<Link["identifier"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Partner["tags"]>().toEqualTypeOf<{ id: string; name: string }[]>();
    expectTypeOf<Partner["clicks"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<PartnerApplication["applicationFormData"]>().toEqualTypeOf<
      { label: string; value: string | null }[] | null
    >();
  });

  it("types the error envelope", () => {
    expectTypeOf<DubErrorBody["error"]["message"]>().toEqualTypeOf<string>();
  });
});

describe("composition types", () => {
  it("types a classic object spread from a contract shape", () => {
    const signup = z.object({ ...createPartnerBody.shape, plan: z.string() });
    type Signup = z.infer<typeof signup>;
    expectTypeOf<Signup["plan"]>().toEqualTypeOf<string>();
    expectTypeOf<Signup["email"]>().toEqualTypeOf<string>();
    expectTypeOf<Signup["name"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<Signup>().not.toHaveProperty("stauts");
  });

  it("types zod/mini's extend", () => {
    const extended = zm.extend(createPartnerBody, { plan: zm.string() });
    expectTypeOf<zm.infer<typeof extended>["plan"]>().toEqualTypeOf<string>();
    expectTypeOf<zm.infer<typeof extended>["email"]>().toEqualTypeOf<string>();
  });
});
