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

/** `page`: the page to return, from 1, coerced from text, with the server's messages. */
/* @__NO_SIDE_EFFECTS__ */
export function pageNumber() {
  return z.optional(queryNumber("Page"));
}

/** `pageSize`: items per page, from 1 to `maxPageSize`, which is also the default the server fills in. */
/* @__NO_SIDE_EFFECTS__ */
export function pageSizeNumber(maxPageSize: number) {
  return z._default(z.optional(queryNumber("Page size", maxPageSize)), maxPageSize);
}
