import { describe, expectTypeOf, it } from "vitest";
import type {
  CreatePartnerBody,
  CreatePartnerRequest,
  DubErrorBody,
  EnrolledPartner,
  ListPartnersQuery,
  ListPartnersResponse,
  Partner,
} from "./schemas.js";

describe("contract types", () => {
  it("requires only email in a create request, and types the optional fields", () => {
    expectTypeOf<{ email: string }>().toExtend<CreatePartnerRequest>();
    expectTypeOf<{ name: string }>().not.toExtend<CreatePartnerRequest>();
    expectTypeOf<CreatePartnerRequest["name"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<CreatePartnerRequest["tenantId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<{ email: string; tenantId: null }>().not.toExtend<CreatePartnerRequest>();
  });

  it("accepts a tag string as input and sends a list", () => {
    type LinkPropsIn = NonNullable<CreatePartnerRequest["linkProps"]>;
    type LinkPropsOut = NonNullable<CreatePartnerBody["linkProps"]>;
    expectTypeOf<LinkPropsIn["tagIds"]>().toEqualTypeOf<string | string[] | undefined>();
    expectTypeOf<LinkPropsOut["tagIds"]>().toEqualTypeOf<string[] | undefined>();
  });

  it("types enrolled-partner enums as open", () => {
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
    expectTypeOf<EnrolledPartner["defaultPayoutMethod"]>().toExtend<string | null>();
  });

  it("types required, nullable and optional response fields", () => {
    expectTypeOf<EnrolledPartner["id"]>().toEqualTypeOf<string>();
    expectTypeOf<EnrolledPartner["tenantId"]>().toEqualTypeOf<string | null>();
    expectTypeOf<EnrolledPartner["groupId"]>().toEqualTypeOf<string | null | undefined>();
    expectTypeOf<NonNullable<EnrolledPartner["links"]>[number]["shortLink"]>().toEqualTypeOf<string>();
  });

  it("types the list operation", () => {
    expectTypeOf<ListPartnersResponse>().toEqualTypeOf<Partner[]>();
    expectTypeOf<Partner>().toEqualTypeOf<EnrolledPartner>();
    expectTypeOf<ListPartnersQuery["sortOrder"]>().toEqualTypeOf<"asc" | "desc" | undefined>();
    expectTypeOf<Record<string, never>>().toExtend<ListPartnersQuery>();
  });

  it("types the error envelope", () => {
    expectTypeOf<DubErrorBody["error"]["code"]>().toEqualTypeOf<string>();
  });
});
