import { describe, expect, it } from "vitest";
import { version } from "../package.json";
import { detectRuntime, userAgentFor } from "./user-agent.js";

describe("detectRuntime", () => {
  it("names Node with its version", () => {
    expect(detectRuntime()).toBe(`node/${process.versions.node}`);
  });

  it("tells Bun and Deno apart from Node, whose process globals they also provide", () => {
    const node = { process: { versions: { node: "22.0.0" } } };
    expect(detectRuntime({ ...node, Bun: { version: "1.2.3" } })).toBe("bun/1.2.3");
    expect(detectRuntime({ ...node, Deno: { version: { deno: "2.1.0" } } })).toBe("deno/2.1.0");
  });

  it("recognises Cloudflare Workers and browsers", () => {
    expect(detectRuntime({ navigator: { userAgent: "Cloudflare-Workers" } })).toBe("workerd");
    expect(detectRuntime({ window: {}, document: {}, navigator: { userAgent: "Mozilla/5.0" } })).toBe(
      "browser",
    );
    expect(detectRuntime({})).toBe("unknown");
  });
});

describe("userAgentFor", () => {
  it("formats dubkit/<version> (<runtime>), with an optional product first", () => {
    expect(userAgentFor("node/20.20.2")).toBe(`dubkit/${version} (node/20.20.2)`);
    expect(userAgentFor("workerd", "my-app/2.0")).toBe(`my-app/2.0 dubkit/${version} (workerd)`);
  });

  it("sends none in browsers, where User-Agent is a forbidden header", () => {
    expect(userAgentFor("browser")).toBeUndefined();
  });
});
