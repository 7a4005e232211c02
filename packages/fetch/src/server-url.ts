// Checks a server URL before any request goes to it: a token sent over plain HTTP to a remote
// host can be read by anyone on the path, so that needs an explicit opt-in.

import { ConfigurationError } from "@dubkit/core";

/** Dub's API. */
export const DEFAULT_SERVER_URL = "https://api.dub.co";

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]"]);

function isLoopback(hostname: string): boolean {
  return (
    LOOPBACK_HOSTS.has(hostname) || hostname.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(hostname)
  );
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
    throw new ConfigurationError(`serverURL is not an http(s) URL: ${JSON.stringify(serverURL)}`, {
      option: "serverURL",
    });
  }
  if (url.protocol === "http:" && !allowInsecureHttp && !isLoopback(url.hostname)) {
    throw new ConfigurationError(
      `Refusing to send the API token over plain http:// to ${url.host}: use https:// or allowInsecureHttp.`,
      { option: "serverURL" },
    );
  }
  return serverURL.replace(/\/+$/, "");
}
