// Dub's page-number pagination parameters (`getPaginationQuerySchema`), with the server's own messages and its
// default page size. Query values arrive as text on the server, which coerces them; the client passes numbers.

import * as z from "zod/mini";

/** A positive whole query number coerced from text, at most `max`, typed as the number a caller passes. */
function queryNumber(name: string, max?: number): z.ZodMiniType<number, number> {
  const checks: z.core.$ZodCheck<number>[] = [
    z.int({ error: `${name} must be an integer.` }),
    z.positive({ error: `${name} must be greater than 0.` }),
  ];
  if (max !== undefined) checks.push(z.lte(max, { error: `Max page size is ${max}.` }));
  return z.coerce.number({ error: `${name} must be a number.` }).check(...checks) as unknown as z.ZodMiniType<
    number,
    number
  >;
}

/** `page` and `pageSize` (at most `maxPageSize`), for spreading into a query schema. */
export function pageQuery(maxPageSize: number) {
  return {
    /** The page to return, from 1. Default 1. */
    page: z.optional(queryNumber("Page")),
    /** Items per page, from 1 to the endpoint's maximum (100). Default: the maximum, filled in as the server does. */
    pageSize: z._default(z.optional(queryNumber("Page size", maxPageSize)), maxPageSize),
  };
}
