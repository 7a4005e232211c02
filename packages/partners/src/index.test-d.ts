import { describe, expectTypeOf, it } from "vitest";
import {
  type CreatePartnerInput,
  Dub,
  type EnrolledPartner,
  type Page,
  type PagePromise,
  type Partner,
} from "./index.js";

describe("public types", () => {
  it("requires only email in a create request", () => {
    expectTypeOf<{ email: string }>().toExtend<CreatePartnerInput>();
    expectTypeOf<{ name: string }>().not.toExtend<CreatePartnerInput>();
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
