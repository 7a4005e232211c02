// The operation's types come from its zod schemas through dubkit's transport.
import type { OperationInput, OperationOutput } from "@dubkit/core";
import { createTransport } from "@dubkit/fetch";
import { describe, expectTypeOf, it } from "vitest";
import { type Customer, listCustomers, listCustomersOperation } from "./index.js";

describe("an extension operation's types", () => {
  it("infers the query and the result from the schemas", () => {
    expectTypeOf<OperationOutput<typeof listCustomersOperation>>().toEqualTypeOf<Customer[]>();
    expectTypeOf<OperationInput<typeof listCustomersOperation>["sortBy"]>().toEqualTypeOf<
      "createdAt" | "saleAmount" | "firstSaleAt" | "subscriptionCanceledAt" | undefined
    >();
    const transport = createTransport({ token: "dub_x" });
    expectTypeOf(transport.request(listCustomersOperation, { email: "a@b.co" })).resolves.toEqualTypeOf<
      Customer[]
    >();
  });

  it("rejects a misspelt or mistyped query field at compile time", () => {
    const transport = createTransport({ token: "dub_x" });
    // @ts-expect-error `emial` is not a query field
    void transport.request(listCustomersOperation, { emial: "a@b.co" });
    // @ts-expect-error pageSize is a number
    void listCustomers(transport, { pageSize: "10" });
  });
});
