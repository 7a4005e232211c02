// GET /customers (Dub's `getCustomers`), defined by a team outside dubkit: the operation is data (method, path,
// zod schemas from the app's own zod), and @dubkit/fetch's transport does the rest — auth, retries, timeouts,
// typed errors — exactly as for dubkit's own operations.

import { defineOperation, type RequestOptions } from "@dubkit/core";
import type { Transport } from "@dubkit/fetch";
import { z } from "zod";

/** The query of GET /customers. */
export const listCustomersQuery = z.object({
  /** Only the customer with this email (case-sensitive). */
  email: z.string().optional(),
  /** Only the customer with this ID in your system. */
  externalId: z.string().optional(),
  /** Search by email, externalId or name. */
  search: z.string().optional(),
  /** Only customers from this country. */
  country: z.string().optional(),
  /** Sort by this field. Default `createdAt`. */
  sortBy: z.enum(["createdAt", "saleAmount", "firstSaleAt", "subscriptionCanceledAt"]).optional(),
  /** Sort direction. Default `desc`. */
  sortOrder: z.enum(["asc", "desc"]).optional(),
  /** Items per page, 1 to 100. */
  pageSize: z.number().int().positive().max(100).optional(),
});

/** A customer, read leniently: unknown fields are kept. */
export const customer = z.looseObject({
  /** The customer's ID on Dub (`cus_…`). */
  id: z.string(),
  /** Name of the customer. */
  name: z.string().nullable(),
  /** Email of the customer. */
  email: z.string().nullable(),
  /** The customer's ID in your system. */
  externalId: z.string(),
  /** Country of the customer. */
  country: z.string().nullable(),
  /** When the customer was created. */
  createdAt: z.string(),
});

/** A customer as GET /customers returns it. */
export type Customer = z.output<typeof customer>;

/** `GET /customers`: a read, so retrying it is always safe. */
export const listCustomersOperation = defineOperation({
  id: "getCustomers",
  method: "GET",
  path: "/customers",
  query: listCustomersQuery,
  response: z.array(customer),
});

/** Lists the workspace's customers through any dubkit transport (`new DubCore().transport` works too). */
export function listCustomers(
  transport: Transport,
  query: z.input<typeof listCustomersQuery> = {},
  options?: RequestOptions,
): Promise<Customer[]> {
  return transport.request(listCustomersOperation, query, options);
}
