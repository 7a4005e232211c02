// Serves one Worker module with workerd. The test binds the listening socket itself (127.0.0.1, a free port) and
// hands its file descriptor to workerd, so there is no port to guess and no wait for workerd to start listening:
// connections queue on the socket until workerd accepts them.
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type Server } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childEnvironment, describeOutput } from "./run-process.js";
import { workerd } from "./runtimes.js";

/**
 * The workerd configuration: the Worker, served on the socket passed as fd 3, with a network service that lets
 * its `fetch` reach loopback addresses (the emulator) and nothing else.
 */
export const workerdConfig = `using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .smokeWorker),
    (name = "loopback", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", http = (), service = "main")],
);

const smokeWorker :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2026-11-01",
  globalOutbound = "loopback",
);
`;

/** A running workerd: the Worker's URL, a request helper that fails if workerd dies, and `stop()`. */
export interface RunningWorker {
  url: string;
  /** `fetch(url + path)`, rejected with workerd's output if workerd exits before answering. */
  request(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      if (address && typeof address === "object") resolve(address.port);
      else reject(new Error("workerd: the listening socket has no port"));
    });
  });
}

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else {
      child.once("exit", () => resolve());
      child.once("error", () => resolve());
    }
  });
}

/** Starts workerd serving `workerCode` (an ES module with a default `fetch` handler). */
export async function startWorker(workerCode: string): Promise<RunningWorker> {
  const { executable } = workerd();
  const dir = await mkdtemp(join(tmpdir(), "dubkit-workerd-"));
  await writeFile(join(dir, "worker.js"), workerCode);
  await writeFile(join(dir, "config.capnp"), workerdConfig);

  const socket = createServer();
  const port = await listen(socket);
  // The listening socket's descriptor becomes workerd's fd 3; net.Server exposes it only on its handle.
  const fd = (socket as unknown as { _handle: { fd: number } })._handle.fd;
  const child = spawn(executable, ["serve", "config.capnp", "--socket-fd", "http=3"], {
    cwd: dir,
    env: { ...process.env, ...childEnvironment },
    stdio: ["ignore", "pipe", "pipe", fd],
  });
  socket.close();
  let stdout = "";
  let stderr = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
  });
  let spawnError: Error | undefined;
  child.once("error", (error) => {
    spawnError = error;
  });
  const url = `http://127.0.0.1:${port}`;

  return {
    url,
    async request(path, init) {
      const died = exited(child).then(() => {
        const why = spawnError ? `could not start: ${spawnError.message}` : `exited (code ${child.exitCode})`;
        throw new Error(`workerd ${why} before answering.\n${describeOutput({ stdout, stderr })}`);
      });
      return Promise.race([fetch(url + path, init), died]);
    },
    async stop() {
      child.kill("SIGTERM");
      // workerd drains before exiting on SIGTERM; a stuck one is killed so it cannot outlive the suite.
      const force = setTimeout(() => child.kill("SIGKILL"), 5_000);
      await exited(child);
      clearTimeout(force);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
