// A static server for the browser test's page, on its own 127.0.0.1 port: a different origin from the emulator,
// so the page's calls to the emulator are cross-origin and exercise its CORS answers.
import { once } from "node:events";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A file the server answers with, by URL path. */
export interface StaticFile {
  contentType: string;
  body: string;
}

/** A running page server: its origin and `stop()`. */
export interface PageServer {
  origin: string;
  stop(): Promise<void>;
}

/** Serves `files` (keyed by path, e.g. "/index.html") on 127.0.0.1 and a free port; anything else is a 404. */
export async function servePages(files: Record<string, StaticFile>): Promise<PageServer> {
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://page.invalid").pathname];
    if (!file) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response.writeHead(200, { "content-type": file.contentType, "cache-control": "no-store" }).end(file.body);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
