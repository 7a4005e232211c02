// Raw HTTP for the emulator's own tests: plain fetch, the response's status, headers and parsed body, nothing
// interpreted, so the tests see exactly what a client would.
import type { Emulator } from "./options.js";

/** A response as the tests inspect it. */
export interface RawResponse {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests read arbitrary JSON bodies.
  body: any;
  text: string;
}

/** Sends a request; `body` objects are JSON-encoded, strings sent as they are. */
export async function call(
  emulator: Pick<Emulator, "url" | "apiKey">,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const headers: Record<string, string> = { ...options.headers };
  const key = options.key === undefined ? emulator.apiKey : options.key;
  if (key !== null) headers.Authorization = `Bearer ${key}`;
  let body: string | undefined;
  if (options.body !== undefined) {
    body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
    headers["Content-Type"] ??= "application/json";
  }
  const response = await fetch(`${emulator.url}${path}`, { method, headers, body });
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, headers: response.headers, body: parsed, text };
}

/** `POST /partners` with the emulator's key. */
export function createPartner(
  emulator: Pick<Emulator, "url" | "apiKey">,
  body: unknown,
  key?: string | null,
) {
  return call(emulator, "POST", "/partners", { body, key });
}

/** Dub's error body for a code and message. */
export function dubError(code: string, message: string) {
  return {
    error: { code, message, doc_url: `https://dub.co/docs/api-reference/errors#${code.replace("_", "-")}` },
  };
}
