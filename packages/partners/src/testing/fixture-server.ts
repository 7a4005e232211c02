// A scripted HTTP server on 127.0.0.1 for the client's own tests: it records every request and answers with
// whatever the test scripts, including bodies the emulator would never send (unknown enum values, broken shapes).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: IncomingMessage["headers"];
  body: string;
}

export type Responder = (request: RecordedRequest) => {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
};

export interface FixtureServer {
  url: string;
  requests: RecordedRequest[];
  /** Sockets currently open from clients. */
  openSockets(): number;
  close(): Promise<void>;
}

export async function startFixtureServer(respond: Responder): Promise<FixtureServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => {
      body += chunk;
    });
    req.on("end", () => {
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body };
      requests.push(recorded);
      const answer = respond(recorded);
      const text = typeof answer.body === "string" ? answer.body : JSON.stringify(answer.body);
      res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers });
      res.end(text);
    });
  });
  server.on("connection", (socket: Socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    openSockets: () => sockets.size,
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const socket of sockets) socket.destroy();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/** A valid 201 body for a freshly created partner, as the server builds it (partners-behavior.md §4). */
export function enrolledPartnerBody(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: "pn_1KZ4B3X8MZ0F7Q2W9RJ5TNV6AC",
    name: "Jane Doe",
    username: "jane-doe-x7k2",
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
    programId: "prog_1KZ4B3X8MZ0F7Q2W9RJ5TNV6AD",
    partnerId: "pn_1KZ4B3X8MZ0F7Q2W9RJ5TNV6AC",
    tenantId: null,
    groupId: "grp_1KZ4B3X8MZ0F7Q2W9RJ5TNV6AE",
    clickRewardId: null,
    leadRewardId: null,
    saleRewardId: null,
    referralRewardId: null,
    discountId: null,
    applicationId: null,
    createdAt: "2026-11-23T10:00:00.000Z",
    status: "approved",
    bannedAt: null,
    bannedReason: null,
    links: [
      {
        id: "link_1KZ4B3X8MZ0F7Q2W9RJ5TNV6AF",
        domain: "refer.acme.test",
        key: "jane-doe",
        shortLink: "https://refer.acme.test/jane-doe",
        url: "https://acme.test",
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
    ...overrides,
  };
}
