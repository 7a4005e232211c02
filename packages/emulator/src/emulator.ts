// The HTTP server: numbers requests, applies faults and latency around the API, writes responses (whole, slow or
// truncated), answers CORS preflights, and owns the lifecycle (data file, sockets, stop).
import { setMaxListeners } from "node:events";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { addApplication } from "./add-application.js";
import { type ApiContext, handleApiRequest } from "./api.js";
import { corsHeaders, preflightHeaders } from "./cors.js";
import { partnerRecord } from "./create-partner.js";
import { type OpenedDataFile, openDataFile } from "./data-file.js";
import { internalServerError } from "./dub-error.js";
import { mergeMetrics } from "./enrollment-metrics.js";
import { type Fault, FaultPlan } from "./faults.js";
import { createIdFactory } from "./ids.js";
import type {
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  EnrollmentPatch,
  ExistingPartnerInput,
  WorkspaceInfo,
} from "./options.js";
import { createRandom, generateApiKey, randomLowerAlnum } from "./random.js";
import { SlidingWindowLimiter } from "./rate-limit.js";
import type { ApplicationRecord, EnrollmentRecord, LinkRecord, LinkStats, PartnerRecord } from "./records.js";
import { ROUTES } from "./route-table.js";
import { applySeed, isEmptyState } from "./seed-data.js";
import { slugify } from "./slug.js";
import { Store } from "./store.js";
import { Directory, type Workspace } from "./workspace.js";

/** The default workspace's partner quota: generous, so local bulk imports are not stopped by the plan's 500. */
const LOCAL_PARTNERS_LIMIT = 1_000_000;

/** Vercel's function payload limit; the repository sets none, so this is the platform's (an assumption). */
const MAX_BODY_BYTES = 4.5 * 1024 * 1024;

/** Waits `ms`; resolves early when the emulator stops, so no timer outlives it. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  if (ms <= 0 || signal.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

function workspaceInfo(workspace: Workspace): WorkspaceInfo {
  const program = workspace.program;
  return {
    id: workspace.id,
    plan: workspace.plan,
    programId: program?.id ?? null,
    defaultGroupId: program?.defaultGroupId ?? null,
    groups: program ? [...program.groupsBySlug.values()].map(({ id, slug }) => ({ id, slug })) : [],
    userId: workspace.userId,
    tags: workspace.tags.map((tag) => ({ ...tag })),
  };
}

/** Starts a Dub Partners API emulator; resolves once it is listening. */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const log = options.log ?? (() => {});
  const dataFile = options.dataFile ? await openDataFile(options.dataFile, { log }) : undefined;
  // Closes the data file and gives up its lock; once, whether the start failed or the emulator stopped.
  let closing: Promise<void> | undefined;
  const closeDataFile = (): Promise<void> => {
    closing ??= (async () => {
      try {
        await dataFile?.journal.close();
      } finally {
        dataFile?.lock.release();
      }
    })();
    return closing;
  };
  try {
    return await serveEmulator(options, log, dataFile, closeDataFile);
  } catch (error) {
    await closeDataFile();
    throw error;
  }
}

/** The emulator on its (open) data file: the state, the key, the workspaces and the server. */
async function serveEmulator(
  options: EmulatorOptions,
  log: (line: string) => void,
  dataFile: OpenedDataFile | undefined,
  closeDataFile: () => Promise<void>,
): Promise<Emulator> {
  const now = options.clock ?? Date.now;
  const random = createRandom(options.seed);
  const newId = createIdFactory(random, now);
  const store = new Store();
  if (dataFile) store.attach(dataFile.journal, dataFile.changes);
  let apiKey = options.apiKey ?? store.settings.get("apiKey");
  if (!apiKey) {
    apiKey = generateApiKey(
      options.seed === undefined ? createRandom() : createRandom(options.seed ^ 0x2545f491),
    );
    if (dataFile) {
      await store.commit([{ type: "setting", name: "apiKey", value: apiKey }]).catch((error: Error) => {
        throw new Error(
          `Cannot keep the generated API key in data file ${options.dataFile}: ${error.message}`,
        );
      });
    }
  }

  const directory = new Directory();
  const plan = options.plan ?? "business";
  const defaultWorkspace = directory.addWorkspace(
    {
      apiKeys: [apiKey],
      plan,
      ...(options.partnersLimit !== "plan" && {
        partnersLimit: options.partnersLimit ?? LOCAL_PARTNERS_LIMIT,
      }),
    },
    0,
  );
  for (const config of options.workspaces ?? []) directory.addWorkspace(config, directory.workspaces.length);
  if (options.seedData) {
    const seedContext = { store, directory, random, newId, now };
    if (isEmptyState(store)) await applySeed(seedContext, defaultWorkspace, options.seedData);
    else log("seed data skipped: the data file already holds partners or applications");
  }

  const rateLimit = options.rateLimit === false ? undefined : (options.rateLimit ?? {});
  const stats: EmulatorStats = {
    requests: 0,
    creates: 0,
    existingReturned: 0,
    rateLimited: 0,
    appliedThenReset: 0,
    faults: {
      "500": 0,
      "502": 0,
      "503": 0,
      "reset-before": 0,
      "reset-after": 0,
      slow: 0,
      truncate: 0,
      html: 0,
      delay: 0,
    },
  };
  const context: ApiContext = {
    directory,
    store,
    random,
    newId,
    now,
    routes: [...ROUTES, ...(options.routes ?? [])],
    limits: {
      api: rateLimit ? new SlidingWindowLimiter(rateLimit.windowMs ?? 60_000, now) : undefined,
      // Dub's analytics bucket is per second (partners-program-behavior.md §0.3).
      analytics: rateLimit ? new SlidingWindowLimiter(1000, now) : undefined,
      apiLimitOverride: rateLimit ? rateLimit.limit : undefined,
    },
    stats,
  };
  const faults = new FaultPlan(options.faults, options.seed);
  const cors = options.cors ?? true;
  const latencyMs = options.latencyMs ?? 0;

  const sockets = new Set<Socket>();
  const stopped = new AbortController();
  // Every delayed answer (latencyMs, a delay or slow fault) listens on `stopped` while it waits: many at once is
  // the load, not a leak, so Node's 10-listener warning is off for it.
  setMaxListeners(0, stopped.signal);
  const server = createServer((request, response) => {
    serve(request, response).catch((error: unknown) => {
      log(`internal error: ${error instanceof Error ? error.message : String(error)}`);
      if (response.headersSent) {
        response.destroy();
        return;
      }
      const failure = internalServerError();
      response.writeHead(failure.status, { "Content-Type": "application/json" });
      response.end(JSON.stringify(failure.toBody()));
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  async function serve(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = request.method ?? "GET";
    const url = new URL(request.url ?? "/", "http://emulator.local");
    const cross = cors ? corsHeaders(request) : {};
    if (cors && method === "OPTIONS" && request.headers["access-control-request-method"]) {
      response.writeHead(204, preflightHeaders(request));
      response.end();
      return;
    }
    stats.requests += 1;
    const fault = faults.draw(stats.requests);
    if (fault) stats.faults[fault.kind] += 1;
    if (fault?.kind === "reset-before") {
      request.socket.destroy();
      log(`${method} ${url.pathname} reset before handling (fault)`);
      return;
    }
    let rawBody: string | undefined;
    try {
      rawBody = await readBody(request);
    } catch {
      // The client went away before its body arrived (a reset, a closed socket, a broken chunk): there is no one
      // to answer and nothing was applied. Not an internal error.
      log(`${method} ${url.pathname} abandoned by the client before its body arrived`);
      return;
    }
    await sleep(latencyMs + (fault?.kind === "delay" ? (fault.ms ?? 1000) : 0), stopped.signal);
    if (stopped.signal.aborted) return;
    if (rawBody === undefined) {
      const text = "Request Entity Too Large\n\nFUNCTION_PAYLOAD_TOO_LARGE\n";
      response.writeHead(413, { "Content-Type": "text/plain; charset=utf-8", ...cross });
      response.end(text);
      return;
    }
    if (fault && sendFaultResponse(response, fault, cross)) {
      log(`${method} ${url.pathname} ${response.statusCode} (fault ${fault.kind})`);
      return;
    }
    const result = await handleApiRequest(context, method, url, request.headers.authorization, rawBody);
    if (fault?.kind === "reset-after") {
      if (result.applied) stats.appliedThenReset += 1;
      request.socket.destroy();
      log(`${method} ${url.pathname} ${result.status} then reset (fault)`);
      return;
    }
    const bytes = Buffer.from(result.text ?? JSON.stringify(result.body));
    response.writeHead(result.status, {
      ...(result.text === "" ? {} : { "Content-Type": result.contentType ?? "application/json" }),
      "Content-Length": String(bytes.length),
      ...cross,
      ...result.headers,
    });
    if (fault?.kind === "slow") await trickle(response, bytes, fault.ms ?? 1000, stopped.signal);
    else if (fault?.kind === "truncate") {
      response.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
      await new Promise<void>((resolve) => setImmediate(resolve));
      request.socket.destroy();
    } else response.end(method === "HEAD" ? undefined : bytes);
    log(`${method} ${url.pathname} ${result.status} ${Math.round(performance.now() - started)}ms`);
  }

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  // A second process refused the data file can then tell its user where the holder serves.
  dataFile?.lock.update({ url });
  log(`listening on ${url}`);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      stopped.abort();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const socket of sockets) socket.destroy();
      await closed;
      await closeDataFile();
    })();
    return stopping;
  };

  const findWorkspace = (workspaceId?: string): Workspace => {
    const found = workspaceId ? directory.workspaces.find((w) => w.id === workspaceId) : defaultWorkspace;
    if (!found) throw new Error(`No workspace with id ${workspaceId}.`);
    return found;
  };

  return {
    url,
    port,
    apiKey,
    stop,
    [Symbol.asyncDispose]: stop,
    partners: () => [...store.partners.values()].map((partner) => ({ ...partner })),
    enrollments: () => [...store.enrollments.values()].map((e) => structuredClone(e)),
    links: () => [...store.links.values()].map((link) => ({ ...link, props: { ...link.props } })),
    stats: () => structuredClone(stats),
    openConnections: () => sockets.size,
    workspaces: () => directory.workspaces.map(workspaceInfo),
    addWorkspace: (config) => workspaceInfo(directory.addWorkspace(config, directory.workspaces.length)),
    addApiKey: (key, workspaceId) => directory.addApiKey(findWorkspace(workspaceId), key),
    revokeApiKey: (key) => {
      directory.revokeApiKey(key);
    },
    addPartner: async (input: ExistingPartnerInput): Promise<PartnerRecord> => {
      if (store.partnerByEmail(input.email))
        throw new Error(`A partner with email ${input.email} already exists.`);
      const base = slugify(input.name ?? "") || slugify(input.email.split("@")[0] ?? "") || "partner";
      // Someone who signed up on partners.dub.co: a completed profile, so network status "approved".
      const partner = partnerRecord({
        id: newId("pn_"),
        name: input.name || input.email,
        username: input.username ?? `${base}-${randomLowerAlnum(random, 4)}`,
        email: input.email,
        image: input.image ?? null,
        description: input.description ?? null,
        country: input.country ?? null,
        createdAt: new Date(now()).toISOString(),
        networkStatus: "approved",
      });
      await store.commit([{ type: "partner", partner }]);
      return { ...partner };
    },
    updateEnrollment: async (
      partnerRef: string,
      patch: EnrollmentPatch,
      workspaceId?: string,
    ): Promise<EnrollmentRecord> => {
      const program = findWorkspace(workspaceId).program;
      const partner = store.partners.get(partnerRef) ?? store.partnerByEmail(partnerRef);
      const enrollment = program && partner ? store.enrollmentOf(program.id, partner.id) : undefined;
      if (!enrollment) throw new Error(`No enrollment of partner ${partnerRef} in that workspace's program.`);
      if (patch.tenantId && store.enrollmentByTenant(enrollment.programId, patch.tenantId)) {
        throw new Error(`tenantId ${patch.tenantId} is already used in that program.`);
      }
      const group = patch.groupId ? directory.findGroupById(patch.groupId) : undefined;
      if (patch.groupId && group?.programId !== enrollment.programId) {
        throw new Error(`groupId ${patch.groupId} is not the id of a group of that program.`);
      }
      // A partial metrics change is merged here, so the stored patch always holds every metric.
      const { metrics, ...fields } = patch;
      const stored = metrics ? { ...fields, metrics: mergeMetrics(enrollment.metrics, metrics) } : fields;
      await store.commit([{ type: "enrollment-update", id: enrollment.id, patch: stored }]);
      return { ...enrollment, linkIds: [...enrollment.linkIds] };
    },
    addApplication: async (input, workspaceId): Promise<ApplicationRecord> => {
      const program = findWorkspace(workspaceId).program;
      if (!program) throw new Error("Cannot add an application: that workspace has no program.");
      let added: ReturnType<typeof addApplication>;
      try {
        added = addApplication({ store, directory, random, newId, now }, program, input);
      } catch (error) {
        throw new Error(`Cannot add the application: ${(error as Error).message}`);
      }
      await store.commit(added.change);
      return structuredClone(added.application);
    },
    applications: () => [...store.applications.values()].map((application) => structuredClone(application)),
    setLinkStats: async (linkId: string, stats: Partial<LinkStats>): Promise<LinkRecord> => {
      const link = store.links.get(linkId);
      if (!link) throw new Error(`No link with id ${linkId}.`);
      const next: LinkStats = { clicks: 0, leads: 0, conversions: 0, sales: 0, saleAmount: 0, ...link.stats };
      const unknown = Object.keys(stats).find((name) => !(name in next));
      if (unknown) {
        throw new Error(
          `setLinkStats: unknown counter ${unknown}; the counters are ${Object.keys(next).join(", ")}.`,
        );
      }
      for (const name of Object.keys(next) as (keyof LinkStats)[]) {
        const value = stats[name];
        if (value === undefined) continue;
        if (!Number.isSafeInteger(value) || value < 0) {
          throw new Error(`setLinkStats: ${name} must be a whole number from 0, got ${String(value)}.`);
        }
        next[name] = value;
      }
      await store.commit([{ type: "link-update", id: linkId, patch: { stats: next } }]);
      return { ...link, props: { ...link.props } };
    },
  };
}

/** Reads the body as UTF-8; undefined when it exceeds the platform limit. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** Sends the fault's own response when it replaces the API's; false when the API should still answer. */
function sendFaultResponse(response: ServerResponse, fault: Fault, cross: Record<string, string>): boolean {
  switch (fault.kind) {
    case "500": {
      const text = JSON.stringify(internalServerError().toBody());
      response.writeHead(500, { "Content-Type": "application/json", ...cross });
      response.end(text);
      return true;
    }
    case "502":
    case "503": {
      const code = fault.kind === "502" ? "BAD_GATEWAY" : "SERVICE_UNAVAILABLE";
      response.writeHead(Number(fault.kind), { "Content-Type": "text/plain; charset=utf-8", ...cross });
      response.end(`An error occurred with this application.\n\n${code}\n`);
      return true;
    }
    case "html":
      response.writeHead(502, { "Content-Type": "text/html; charset=utf-8", ...cross });
      response.end(
        "<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>cloudflare</center></body></html>\n",
      );
      return true;
    default:
      return false;
  }
}

/** Writes `bytes` in ten pieces spread over `ms`; stops quietly if the client goes away. */
async function trickle(
  response: ServerResponse,
  bytes: Buffer,
  ms: number,
  signal: AbortSignal,
): Promise<void> {
  const pieces = 10;
  const size = Math.ceil(bytes.length / pieces);
  for (let i = 0; i < pieces; i++) {
    if (response.destroyed) return;
    response.write(bytes.subarray(i * size, (i + 1) * size));
    await sleep(ms / pieces, signal);
  }
  if (!response.destroyed) response.end();
}
