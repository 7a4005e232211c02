// A minimal Dub stand-in for benchmarks, run in a child process so its CPU is not counted:
// answers POST /partners with a fixed 201 enrolled partner (partners-behavior.md §4) and prints
// its port on stdout.

import { createServer } from "node:http";

const partner = {
  id: "pn_1KZ3Q0DW9J6X5S8T2B7N4M1P0",
  name: "Jane Doe",
  username: "jane-doe",
  email: "jane@example.com",
  image: null,
  description: null,
  country: null,
  companyName: null,
  networkStatus: "draft",
  defaultPayoutMethod: null,
  paypalEmail: null,
  stripeConnectId: null,
  payoutsEnabledAt: null,
  identityVerifiedAt: null,
  trustedAt: null,
  programId: "prog_1KZ3Q0DW9J6X5S8T2B7N4M1P0",
  partnerId: "pn_1KZ3Q0DW9J6X5S8T2B7N4M1P0",
  groupId: "grp_1KZ3Q0DW9J6X5S8T2B7N4M1P0",
  tenantId: "user_42",
  createdAt: "2026-11-23T20:00:00.000Z",
  status: "approved",
  clickRewardId: null,
  leadRewardId: null,
  saleRewardId: null,
  referralRewardId: null,
  discountId: null,
  applicationId: null,
  bannedAt: null,
  bannedReason: null,
  links: [
    {
      id: "link_1KZ3Q0DW9J6X5S8T2B7N4M1P0",
      domain: "dub.sh",
      key: "jane-doe",
      shortLink: "https://dub.sh/jane-doe",
      url: "https://example.com",
      clicks: 0,
      leads: 0,
      conversions: 0,
      sales: 0,
      saleAmount: 0,
    },
  ],
  totalClicks: 0,
  totalLeads: 0,
  totalConversions: 0,
  totalSales: 0,
  totalSaleAmount: 0,
  totalCommissions: 0,
  netRevenue: 0,
  earningsPerClick: 0,
  averageLifetimeValue: null,
  clickToLeadRate: null,
  clickToConversionRate: null,
  leadToConversionRate: null,
  returnOnAdSpend: null,
  website: null,
  youtube: null,
  twitter: null,
  linkedin: null,
  instagram: null,
  tiktok: null,
};
const body = JSON.stringify(partner);

const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    if (request.method === "POST" && request.url === "/partners") {
      response.writeHead(201, {
        "content-type": "application/json",
        "content-length": Buffer.byteLength(body),
      });
      response.end(body);
    } else {
      response.writeHead(404, { "content-type": "application/json" });
      response.end('{"error":{"code":"not_found","message":"Not found."}}');
    }
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  process.stdout.write(`${server.address().port}\n`);
});
process.on("disconnect", () => server.close());
process.stdin.on("end", () => process.exit(0));
process.stdin.resume();
