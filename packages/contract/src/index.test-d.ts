// The contract's types: inferred from the schemas, exact (no index signature), and composable with the app's zod.
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import * as zm from "zod/mini";
import {
  type CreatePartnerRequest,
  createPartnerBody,
  type DubErrorBody,
  type EnrolledPartner,
  type enrolledPartner,
  type ListPartnersQuery,
  type listPartnersQuery,
  type listPartnersResponse,
  type Partner,
} from "./index.js";

describe("contract types", () => {
  it("infers every exported schema's type with z.infer, as the named types say", () => {
    expectTypeOf<z.infer<typeof enrolledPartner>>().toEqualTypeOf<EnrolledPartner>();
    expectTypeOf<z.input<typeof createPartnerBody>>().toEqualTypeOf<CreatePartnerRequest>();
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
