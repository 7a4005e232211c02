import { describe, expect, it } from "vitest";
import { parseEmulatorArgs, runEmulatorCli } from "./cli.js";
import { parseFaults } from "./faults.js";

describe("parseEmulatorArgs", () => {
  it("maps every flag to an emulator option", () => {
    const parsed = parseEmulatorArgs([
      "--port=8787",
      "--host",
      "0.0.0.0",
      "--api-key",
      "dub_local123",
      "--plan",
      "advanced",
      "--partners-limit",
      "plan",
      "--data",
      "state.log",
      "--latency",
      "25",
      "--faults",
      "503@3,7;p=0.05:500",
      "--seed",
      "7",
      "--rate-limit-window",
      "1000",
      "--no-cors",
      "--quiet",
    ]);
    expect(parsed).toEqual({
      help: false,
      quiet: true,
      options: {
        port: 8787,
        host: "0.0.0.0",
        apiKey: "dub_local123",
        plan: "advanced",
        partnersLimit: "plan",
        dataFile: "state.log",
        latencyMs: 25,
        faults: parseFaults("503@3,7;p=0.05:500"),
        seed: 7,
        rateLimit: { windowMs: 1000 },
        cors: false,
      },
    });
    expect(parseEmulatorArgs(["--no-rate-limit"]).options.rateLimit).toBe(false);
    expect(parseEmulatorArgs(["-h"]).help).toBe(true);
  });

  it.each([
    [["--port", "http"], /--port must be a whole number/],
    [["--port", "70000"], /--port must be at most 65535/],
    [["--plan", "gold"], /--plan must be one of free, pro, business, advanced, enterprise/],
    [["--api-key", "sk_live"], /--api-key must be a workspace key/],
    [["--faults", "teapot@1"], /Unknown fault "teapot"/],
    [["--latency=-1"], /--latency must be a whole number/],
    [["--bogus"], /Unknown option '--bogus'/],
  ])("rejects %j naming the flag", (argv, message) => {
    expect(() => parseEmulatorArgs(argv)).toThrow(message);
  });
});

describe("runEmulatorCli", () => {
  it("prints the URL and the key on stdout, serves, and stops cleanly", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const controller = new AbortController();
    const running = runEmulatorCli(["--api-key", "dub_cli0000000000000000000", "--seed", "1"], {
      stdout: (line) => {
        out.push(line);
        if (out.length === 2) controller.abort();
      },
      stderr: (line) => err.push(line),
      signal: controller.signal,
    });
    expect(await running).toBe(0);
    expect(out[0]).toMatch(/^DUB_API_URL=http:\/\/127\.0\.0\.1:\d+$/);
    expect(out[1]).toBe("DUB_API_KEY=dub_cli0000000000000000000");
    expect(err.at(-1)).toBe("dubkit-emulator: stopped");
  });

  it("serves requests while running", async () => {
    const controller = new AbortController();
    let url = "";
    let ready: () => void = () => {};
    const started = new Promise<void>((resolve) => {
      ready = resolve;
    });
    const running = runEmulatorCli(["--quiet"], {
      stdout: (line) => {
        if (line.startsWith("DUB_API_URL=")) url = line.slice("DUB_API_URL=".length);
        if (line.startsWith("DUB_API_KEY=")) ready();
      },
      stderr: () => {},
      signal: controller.signal,
    });
    await started;
    const res = await fetch(`${url}/partners`);
    expect(res.status).toBe(401);
    controller.abort();
    expect(await running).toBe(0);
  });

  it("exits 2 with a message on bad flags, and prints help", async () => {
    const err: string[] = [];
    expect(await runEmulatorCli(["--plan", "gold"], { stderr: (line) => err.push(line) })).toBe(2);
    expect(err[0]).toMatch(/^dubkit-emulator: --plan must be one of/);
    const out: string[] = [];
    expect(await runEmulatorCli(["--help"], { stdout: (line) => out.push(line) })).toBe(0);
    expect(out[0]).toMatch(/^Usage: dubkit-emulator/);
  });
});
