// Malformed HTTP against the emulator over raw sockets: broken request lines and framing, oversized headers,
// request-smuggling attempts, pipelining and slowloris. After each, the emulator must still answer a normal request
// correctly, have logged no internal error, and hold no partner a smuggled request tried to create.
import { type Emulator, startEmulator } from "@dubkit/emulator";
import { Dub } from "@dubkit/partners";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openSocket, rawExchange } from "./support/raw-http.js";
import { markdownTable, reportBlock, reproduce } from "./support/reliability-report.js";

let emulator: Emulator;
let dub: Dub;
const internalErrors: string[] = [];

beforeAll(async () => {
  emulator = await startEmulator({
    seed: 3,
    rateLimit: false,
    log: (line) => {
      if (line.startsWith("internal error")) internalErrors.push(line);
    },
  });
  dub = new Dub({ token: emulator.apiKey, serverURL: emulator.url, retries: { strategy: "none" } });
});
afterAll(async () => {
  await dub?.close();
  await emulator?.stop();
});

const CRLF = "\r\n";
const auth = () => `Authorization: Bearer ${emulator.apiKey}`;
const create = (email: string) => JSON.stringify({ email, name: "Raw" });
const post = (email: string, extra = "") =>
  `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Content-Type: application/json${CRLF}` +
  `Content-Length: ${Buffer.byteLength(create(email))}${CRLF}${extra}${CRLF}${create(email)}`;

/** One malformed input: the bytes, sent in order, and which emails a request hidden in them would create. */
interface MalformedCase {
  name: string;
  chunks: () => (string | Buffer)[];
  /** Emails that must NOT exist afterwards (a smuggled create). */
  smuggled?: string[];
  /** Emails that must exist exactly once afterwards (pipelined creates that are legitimate). */
  created?: string[];
}

const CASES: MalformedCase[] = [
  { name: "garbage request line", chunks: () => [`GARBAGE${CRLF}${CRLF}`] },
  { name: "request line without version", chunks: () => [`GET /partners${CRLF}${CRLF}`] },
  { name: "unknown HTTP version", chunks: () => [`GET /partners HTTP/9.9${CRLF}Host: x${CRLF}${CRLF}`] },
  {
    name: "unknown method",
    chunks: () => [`BREW /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}${CRLF}`],
  },
  {
    name: "absolute-form target",
    chunks: () => [`GET http://evil.test/partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}${CRLF}`],
  },
  { name: "HTTP/1.1 without Host", chunks: () => [`GET /partners HTTP/1.1${CRLF}${auth()}${CRLF}${CRLF}`] },
  {
    name: "header without colon",
    chunks: () => [`GET /partners HTTP/1.1${CRLF}Host: x${CRLF}NoColonHere${CRLF}${CRLF}`],
  },
  { name: "bare LF line endings", chunks: () => [`GET /partners HTTP/1.1\nHost: x\n${auth()}\n\n`] },
  {
    name: "NUL in a header value",
    chunks: () => [`GET /partners HTTP/1.1${CRLF}Host: x${CRLF}X-A: a\u0000b${CRLF}${CRLF}`],
  },
  {
    name: "CR inside a header value",
    chunks: () => [`GET /partners HTTP/1.1${CRLF}Host: x${CRLF}X-A: a\rb${CRLF}${CRLF}`],
  },
  {
    name: "header of 64 KiB",
    chunks: () => [`GET /partners HTTP/1.1${CRLF}Host: x${CRLF}X-Big: ${"a".repeat(65_536)}${CRLF}${CRLF}`],
  },
  {
    name: "URL of 64 KiB",
    chunks: () => [`GET /partners?search=${"a".repeat(65_536)} HTTP/1.1${CRLF}Host: x${CRLF}${CRLF}`],
  },
  {
    name: "3,000 headers",
    chunks: () => [
      `GET /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}${Array.from({ length: 3000 }, (_, i) => `X-${i}: v`).join(CRLF)}${CRLF}${CRLF}`,
    ],
  },
  {
    name: "Content-Length not a number",
    chunks: () => [`POST /partners HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: abc${CRLF}${CRLF}{}`],
  },
  {
    name: "negative Content-Length",
    chunks: () => [`POST /partners HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: -5${CRLF}${CRLF}{}`],
  },
  {
    name: "two different Content-Lengths",
    chunks: () => [
      `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 2${CRLF}Content-Length: 40${CRLF}${CRLF}{}`,
    ],
  },
  {
    name: "Content-Length beyond the body, then silence",
    chunks: () => [
      `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Content-Length: 1000${CRLF}${CRLF}{"email":`,
    ],
  },
  {
    name: "Content-Length of 2^53",
    chunks: () => [
      `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}Content-Length: 9007199254740993${CRLF}${CRLF}{}`,
    ],
  },
  {
    name: "chunked: chunk size not hex",
    chunks: () => [
      `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}zz${CRLF}{}${CRLF}0${CRLF}${CRLF}`,
    ],
  },
  {
    name: "chunked: size larger than the data",
    chunks: () => [
      `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}ffffffffffffffff${CRLF}{}${CRLF}`,
    ],
  },
  {
    name: "chunked: missing CRLF after data",
    chunks: () => [
      `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}2${CRLF}{}XX0${CRLF}${CRLF}`,
    ],
  },
  {
    name: "smuggling: CL.TE",
    smuggled: ["smuggled-clte@example.com"],
    chunks: () => {
      const hidden = post("smuggled-clte@example.com");
      const body = `0${CRLF}${CRLF}${hidden}`;
      return [
        `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Content-Length: ${body.length}${CRLF}Transfer-Encoding: chunked${CRLF}${CRLF}${body}`,
      ];
    },
  },
  {
    name: "smuggling: TE.CL",
    smuggled: ["smuggled-tecl@example.com"],
    chunks: () => {
      const hidden = post("smuggled-tecl@example.com");
      const chunk = `${Buffer.byteLength(hidden).toString(16)}${CRLF}${hidden}${CRLF}0${CRLF}${CRLF}`;
      return [
        `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Transfer-Encoding: chunked${CRLF}Content-Length: 4${CRLF}${CRLF}${chunk}`,
      ];
    },
  },
  {
    name: "smuggling: obfuscated Transfer-Encoding",
    smuggled: ["smuggled-te@example.com"],
    chunks: () => {
      const hidden = post("smuggled-te@example.com");
      return [
        `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Transfer-Encoding: xchunked${CRLF}Transfer-Encoding : chunked${CRLF}${CRLF}0${CRLF}${CRLF}${hidden}`,
      ];
    },
  },
  {
    name: "smuggling: TE chunked then identity",
    smuggled: ["smuggled-id@example.com"],
    chunks: () => {
      const hidden = post("smuggled-id@example.com");
      return [
        `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Transfer-Encoding: chunked, identity${CRLF}Content-Length: 5${CRLF}${CRLF}0${CRLF}${CRLF}${hidden}`,
      ];
    },
  },
  {
    name: "pipelining: three creates in one write",
    created: ["pipe1@example.com", "pipe2@example.com", "pipe3@example.com"],
    chunks: () => [post("pipe1@example.com") + post("pipe2@example.com") + post("pipe3@example.com")],
  },
  {
    name: "pipelining: a create split mid-header, then a list",
    created: ["pipe4@example.com"],
    chunks: () => {
      const whole = `${post("pipe4@example.com")}GET /partners?pageSize=1 HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}${CRLF}`;
      return [whole.slice(0, 20), whole.slice(20, 75), whole.slice(75)];
    },
  },
  {
    name: "body not UTF-8",
    chunks: () => [
      Buffer.concat([
        Buffer.from(
          `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Content-Type: application/json${CRLF}Content-Length: 6${CRLF}${CRLF}`,
        ),
        Buffer.from([0x7b, 0xff, 0xfe, 0x00, 0xc3, 0x7d]),
      ]),
    ],
  },
  {
    name: "Expect: 100-continue, body never sent",
    chunks: () => [
      `POST /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Expect: 100-continue${CRLF}Content-Length: 20${CRLF}${CRLF}`,
    ],
  },
  {
    name: "two Authorization headers",
    chunks: () => [
      `GET /partners HTTP/1.1${CRLF}Host: x${CRLF}${auth()}${CRLF}Authorization: Bearer dub_other${CRLF}${CRLF}`,
    ],
  },
];

/** What a normal client gets now: the listing works and holds every partner once. */
async function stillServes(): Promise<boolean> {
  const page = await dub.partners.list({ pageSize: 100 });
  const emails = page.data.map((p) => p.email);
  return new Set(emails).size === emails.length && emails.length === emulator.enrollments().length;
}

function answerOf(statuses: number[], closed: boolean): string {
  const answered = statuses.length === 0 ? "no response" : statuses.join(", ");
  return `${answered}${closed ? ", closed" : ""}`;
}

describe("malformed HTTP", () => {
  const rows: string[][] = [];

  it.each(CASES)("$name", async (malformed) => {
    const exchange = await rawExchange(emulator.port, malformed.chunks());
    // A server error for bad input would be the emulator failing, not the client.
    expect(
      exchange.statuses.filter((status) => status >= 500),
      exchange.text.slice(0, 300),
    ).toEqual([]);
    expect(await stillServes()).toBe(true);
    const emails = emulator.partners().map((p) => p.email);
    for (const email of malformed.smuggled ?? [])
      expect(emails, `${email} was smuggled in`).not.toContain(email);
    for (const email of malformed.created ?? []) expect(emails.filter((e) => e === email)).toEqual([email]);
    expect(internalErrors).toEqual([]);
    rows.push([malformed.name, answerOf(exchange.statuses, exchange.closed), "yes"]);
  });

  it("slowloris: 64 connections holding half a request do not stop a normal one", async () => {
    const held = await Promise.all(Array.from({ length: 64 }, () => openSocket(emulator.port)));
    try {
      for (const socket of held) {
        socket.on("error", () => undefined);
        socket.write(`GET /partners HTTP/1.1${CRLF}Host: x${CRLF}X-Slow: `);
      }
      // Dribble a byte on each, a few times, while normal requests go through.
      for (let round = 0; round < 5; round++) {
        for (const socket of held) socket.write("a");
        expect(await stillServes()).toBe(true);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      expect(emulator.openConnections()).toBeGreaterThanOrEqual(64);
    } finally {
      for (const socket of held) socket.destroy();
    }
    expect(await stillServes()).toBe(true);
    expect(internalErrors).toEqual([]);
    rows.push([
      "slowloris: 64 connections with partial headers, a byte each every 50 ms",
      "held open",
      "yes",
    ]);
  });

  it("malformed HTTP: writes the cases into RELIABILITY.md", () => {
    expect(rows.length).toBe(CASES.length + 1);
    const markdown = [
      `${rows.length} malformed inputs, each on its own connection to one emulator; after every one a normal ` +
        "`GET /partners` through the SDK still answered with every partner once, no internal error was logged, " +
        "and no smuggled create took effect.",
      "",
      markdownTable(["input", "emulator's answer (status, connection)", "normal request served after"], rows),
      "",
      `Reproduce: ${reproduce("malformed HTTP")}`,
    ].join("\n");
    expect(reportBlock("malformed-http", markdown)).toBeUndefined();
  });
});
