// GET /customers for the dubkit emulator, so this package's tests run against a real HTTP server with Dub's
// authentication, rate limits and error format: a route plugged in with `startEmulator({ routes })`.

import {
  type ApiResponse,
  DubApiError,
  defaultProgram,
  json,
  type Route,
  type RouteContext,
} from "@dubkit/emulator";

/** The customers the emulated workspace holds. */
export const CUSTOMERS = [
  {
    id: "cus_1",
    name: "Ada Lovelace",
    email: "ada@example.com",
    externalId: "u_1",
    country: "GB",
    createdAt: "2026-11-01T00:00:00.000Z",
  },
  {
    id: "cus_2",
    name: null,
    email: "grace@example.com",
    externalId: "u_2",
    country: "US",
    createdAt: "2026-11-02T00:00:00.000Z",
  },
];

function listCustomers(context: RouteContext): ApiResponse {
  defaultProgram(context);
  const email = context.url.searchParams.get("email");
  const pageSize = context.url.searchParams.get("pageSize");
  if (pageSize !== null && !(Number(pageSize) > 0)) {
    throw new DubApiError("unprocessable_entity", "too_small: pageSize: Page size must be greater than 0.");
  }
  return json(
    200,
    CUSTOMERS.filter((customer) => email === null || customer.email === email),
  );
}

/** The route, for `startEmulator({ routes: [customersRoute] })`. */
export const customersRoute: Route = {
  method: "GET",
  path: "/customers",
  access: { rateLimit: "api" },
  handler: listCustomers,
};
