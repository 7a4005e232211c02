import { createServer, request as httpRequest } from "node:http";
import { type AddressInfo, connect, type Socket } from "node:net";
import { defineOperation, type StandardSchemaV1 } from "@dubkit/core";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createTransport } from "./index.node.js";
import { createNodeFetch } from "./node.js";
import { sendJson, startTestServer, type TestServer } from "./test-server.js";

const passThrough: StandardSchemaV1<unknown, { ok: boolean }> = {
  "~standard": { version: 1, vendor: "test", validate: (value) => ({ value: value as { ok: boolean } }) },
};
const ping = defineOperation({ id: "ping", method: "GET", path: "/ping", response: passThrough });

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function okServer(): Promise<TestServer> {
  const server = await startTestServer((_, response) => sendJson(response, 200, { ok: true }));
  cleanups.push(() => server.close());
  return server;
}

/** A forward proxy that tunnels CONNECT and relays absolute-URI requests, counting both. */
async function startProxy(): Promise<{ url: string; used: () => number }> {
  let used = 0;
  const sockets = new Set<Socket>();
  const proxy = createServer((incoming, response) => {
    used++;
    const upstream = httpRequest(
      incoming.url ?? "",
      { method: incoming.method, headers: incoming.headers },
      (res) => {
        response.writeHead(res.statusCode ?? 502, res.headers);
        res.pipe(response);
      },
    );
    incoming.pipe(upstream);
  });
  proxy.on("connect", (incoming, clientSocket: Socket, head) => {
    used++;
    const [host, port] = (incoming.url ?? "").split(":");
    const upstream = connect(Number(port), host ?? "", () => {
      clientSocket.write("HTTP/1.1 200 Connection Established\r\n\r\n");
      upstream.write(head);
      upstream.pipe(clientSocket);
      clientSocket.pipe(upstream);
    });
    sockets.add(upstream);
    sockets.add(clientSocket);
    upstream.on("error", () => clientSocket.destroy());
    clientSocket.on("error", () => upstream.destroy());
  });
  proxy.on("connection", (socket) => sockets.add(socket));
  await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        proxy.close(() => resolve());
      }),
  );
  return { url: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, used: () => used };
}

describe("createNodeFetch", () => {
  it("keeps connections alive for reuse and closes them on close()", async () => {
    const server = await okServer();
    const fetch = createNodeFetch();
    for (let i = 0; i < 5; i++) {
      const response = await fetch(`${server.url}/ping`, {
        method: "GET",
        headers: { accept: "application/json" },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get("Content-Type")).toBe("application/json");
      expect(JSON.parse(await response.text())).toEqual({ ok: true });
    }
    expect(server.requests).toHaveLength(5);
    // undici may open a second socket while the first is being released; after that it reuses them.
    expect(server.openSockets()).toBeGreaterThan(0);
    expect(server.openSockets()).toBeLessThan(3);
    await fetch.close();
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it("enforces init.timeoutMs itself, rejecting with a TimeoutError and closing the socket", async () => {
    const server = await startTestServer(() => {});
    cleanups.push(() => server.close());
    const fetch = createNodeFetch();
    cleanups.push(() => fetch.close());
    expect(fetch.handlesTimeout).toBe(true);
    const error = await fetch(server.url, { method: "GET", headers: {}, timeoutMs: 10 }).catch(
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe("TimeoutError");
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it("rejects with the signal's reason on abort, before or during the request", async () => {
    const server = await startTestServer(() => {});
    cleanups.push(() => server.close());
    const fetch = createNodeFetch();
    cleanups.push(() => fetch.close());
    const reason = new Error("caller gave up");
    await expect(
      fetch(server.url, { method: "GET", headers: {}, signal: AbortSignal.abort(reason) }),
    ).rejects.toBe(reason);
    const controller = new AbortController();
    const pending = fetch(server.url, { method: "GET", headers: {}, signal: controller.signal });
    await vi.waitFor(() => expect(server.requests).toHaveLength(1));
    controller.abort(reason);
    await expect(pending).rejects.toBe(reason);
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it("exposes every header through forEach, joining repeats", async () => {
    const server = await startTestServer((_, response) => {
      response.setHeader("set-cookie", ["a=1", "b=2"]);
      response.setHeader("x-one", "1");
      response.end("");
    });
    cleanups.push(() => server.close());
    const fetch = createNodeFetch();
    cleanups.push(() => fetch.close());
    const response = await fetch(server.url, { method: "GET", headers: {} });
    await response.text();
    const seen: Record<string, string> = {};
    response.headers.forEach((value, name) => {
      seen[name] = value;
    });
    expect(seen["set-cookie"]).toBe("a=1, b=2");
    expect(seen["x-one"]).toBe("1");
    expect(response.headers.get("missing")).toBeNull();
  });

  it("goes through HTTP_PROXY, and around it for hosts in NO_PROXY", async () => {
    const server = await okServer();
    const proxy = await startProxy();
    vi.stubEnv("HTTP_PROXY", proxy.url);
    vi.stubEnv("NO_PROXY", "");
    cleanups.push(() => {
      vi.unstubAllEnvs();
    });
    const proxied = createNodeFetch();
    cleanups.push(() => proxied.close());
    const viaProxy = await proxied(`${server.url}/ping`, { method: "GET", headers: {} });
    expect(await viaProxy.text()).toBe('{"ok":true}');
    expect(proxy.used()).toBe(1);

    const direct = createNodeFetch({ proxy: false });
    cleanups.push(() => direct.close());
    await (await direct(`${server.url}/ping`, { method: "GET", headers: {} })).text();
    expect(proxy.used()).toBe(1);

    vi.stubEnv("NO_PROXY", "127.0.0.1");
    const bypass = createNodeFetch();
    cleanups.push(() => bypass.close());
    await (await bypass(`${server.url}/ping`, { method: "GET", headers: {} })).text();
    expect(proxy.used()).toBe(1);
    expect(server.requests).toHaveLength(3);
  });
});

describe("transport on Node", () => {
  it("uses its own pool by default and closes it on close(), leaving no socket open", async () => {
    const server = await okServer();
    const transport = createTransport({ token: "dub_x", serverURL: server.url });
    expect(await transport.request(ping, undefined)).toEqual({ ok: true });
    expect(await transport.request(ping, undefined)).toEqual({ ok: true });
    expect(server.openSockets()).toBeGreaterThan(0);
    await transport.close();
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it("closes through await using", async () => {
    const server = await okServer();
    {
      await using transport = createTransport({ token: "dub_x", serverURL: server.url });
      await transport.request(ping, undefined);
    }
    await vi.waitFor(() => expect(server.openSockets()).toBe(0));
  });

  it("leaves a fetch the caller passed open", async () => {
    const server = await okServer();
    const fetch = createNodeFetch();
    cleanups.push(() => fetch.close());
    const transport = createTransport({ token: "dub_x", serverURL: server.url, fetch });
    await transport.request(ping, undefined);
    await transport.close();
    expect(server.openSockets()).toBeGreaterThan(0);
    const again = await fetch(`${server.url}/ping`, { method: "GET", headers: {} });
    expect(again.status).toBe(200);
    await again.text();
  });
});
