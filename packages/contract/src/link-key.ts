// The server's rule for a partner link key (`username` in the create request): what Dub's
// `processKey` accepts. The empty string passes because the server treats it as absent.

const KEY_CHARACTERS = /^[0-9A-Za-z_\u0080-\uFFFF/\-\p{Emoji}.]+$/u;

/** Whether `key` would be accepted as a short-link key by Dub's server. */
export function isUrlFriendlyKey(key: string): boolean {
  if (key === "" || key === "_root") return true;
  return (
    KEY_CHARACTERS.test(key) &&
    !key.startsWith("_") &&
    !key.startsWith(".well-known") &&
    !key.endsWith(".php") &&
    !key.endsWith(".php7")
  );
}
