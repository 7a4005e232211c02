// Raw bytes to an HTTP server over a plain socket, for requests no HTTP client would send: bad request lines,
// broken framing, smuggling attempts, pipelining, connections held open with half a request.
import { connect, type Socket } from "node:net";

/** What came back on one connection. */
export interface RawExchange {
  /** Everything the server sent, as latin1 text. */
  text: string;
  /** The status code of each response, in order. */
  statuses: number[];
  /** Whether the server closed the connection. */
  closed: boolean;
}

/** Opens a connection to 127.0.0.1:`port`. */
export function openSocket(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/**
 * Sends `chunks` one after another on a fresh connection and collects the answer until the server closes it, or
 * nothing has arrived for `idleMs` (a server keeping the connection alive), or `maxMs` passed.
 */
export async function rawExchange(
  port: number,
  chunks: (string | Buffer)[],
  options: { idleMs?: number; maxMs?: number } = {},
): Promise<RawExchange> {
  const idleMs = options.idleMs ?? 250;
  const socket = await openSocket(port);
  const received: Buffer[] = [];
  let closed = false;
  const ended = new Promise<void>((resolve) => {
    socket.on("data", (chunk: Buffer) => received.push(chunk));
    socket.on("error", () => undefined);
    socket.on("close", () => {
      closed = true;
      resolve();
    });
  });
  for (const chunk of chunks) {
    if (socket.destroyed) break;
    socket.write(chunk);
  }
  const deadline = Date.now() + (options.maxMs ?? 5000);
  let seen = -1;
  while (!closed && Date.now() < deadline && seen !== received.length) {
    seen = received.length;
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, idleMs))]);
  }
  socket.destroy();
  const text = Buffer.concat(received).toString("latin1");
  const statuses = [...text.matchAll(/HTTP\/1\.[01] (\d{3})/g)].map((match) => Number(match[1]));
  return { text, statuses, closed };
}
