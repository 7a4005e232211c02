// Checks a server URL before any request goes to it: a token sent over plain HTTP to a remote
// host can be read by anyone on the path, so that needs an explicit opt-in.

import { ConfigurationError } from "@dubkit/core";
import { redactTokens } from "./redact.js";

/** Dub's API. */
export const DEFAULT_SERVER_URL = "https://api.dub.co";

// Only names that never leave the machine: `localhost` itself and literal loopback addresses. Names under
// `.localhost` are not on the list: the system resolver decides where they go, and it may send them anywhere.
function isLoopback(hostname: string): boolean {
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}

/**
 * Validates `serverURL` and returns it without a trailing slash. Throws a {@link ConfigurationError}
 * for anything but an http(s) URL, and for `http://` to a non-loopback host unless `allowInsecureHttp`.
 */
export function checkServerURL(serverURL: string, allowInsecureHttp: boolean): string {
  let url: URL | undefined;
  try {
    url = new URL(serverURL);
  } catch {}
  if (url?.protocol !== "https:" && url?.protocol !== "http:") {
    const shown = redactTokens(serverURL);
    const hint = shown !== serverURL ? " (it looks like an API token: pass that as `token`)" : "";
    throw new ConfigurationError(`serverURL is not an http(s) URL: ${JSON.stringify(shown)}${hint}`, {
      option: "serverURL",
    });
  }
  // Paths are appended to the base URL, so a query or fragment would end up in front of them
  // (`/?key=x/partners`), and credentials in it would go to every request: only a plain base URL works.
  if (url.search !== "" || url.hash !== "" || url.username !== "" || url.password !== "") {
    throw new ConfigurationError(
      `serverURL must be a base URL without a query string, #fragment or credentials, such as ${DEFAULT_SERVER_URL}: got ${JSON.stringify(redactTokens(`${url.protocol}//${url.host}${url.pathname}`))} with ${url.search || url.hash ? "a query or fragment" : "credentials"}.`,
      { option: "serverURL" },
    );
  }
  if (url.protocol === "http:" && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new ConfigurationError(
      `Refusing to send the API token over plain http:// to ${redactTokens(url.host)}: use https:// or allowInsecureHttp.`,
      { option: "serverURL" },
    );
  }
  return serverURL.replace(/\/+$/, "");
}
