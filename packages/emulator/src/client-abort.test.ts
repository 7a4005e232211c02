import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { startEmulator } from "./emulator.js";
import { call } from "./http-test-client.js";

/** Sends `text` on a raw connection, then closes it without waiting for an answer. */
function sendAndClose(port: number, text: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => {
      socket.write(text, () => setTimeout(() => socket.destroy(), 20));
    });
    socket.on("error", reject);
    socket.on("close", () => resolve());
  });
}

describe("a client that goes away mid-request", () => {
  it("is logged as abandoned, not as an internal error, and the next request is served", async () => {
    const lines: string[] = [];
    await using emulator = await startEmulator({ rateLimit: false, log: (line) => lines.push(line) });
    const head = `POST /partners HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${emulator.apiKey}\r\n`;
    await sendAndClose(emulator.port, `${head}Content-Length: 1000\r\n\r\n{"email":`);
    await sendAndClose(emulator.port, `${head}Transfer-Encoding: chunked\r\n\r\nzz\r\n`);
    // The server notices each close on its own schedule: wait for both (bounded, so a miss fails instead of hanging).
    for (
      let waited = 0;
      lines.filter((line) => line.includes("abandoned")).length < 2 && waited < 5000;
      waited += 10
    ) {
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
    expect(lines.filter((line) => line.startsWith("internal error"))).toEqual([]);
    expect(lines.filter((line) => line.includes("abandoned by the client"))).toHaveLength(2);
    expect(emulator.partners()).toEqual([]);
    expect((await call(emulator, "GET", "/partners")).status).toBe(200);
  });
});
