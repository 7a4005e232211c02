// Names a file-system error the way a person reads it, e.g. "ENOSPC: no space left on device", without the path
// and syscall Node appends (the caller's message names the file already).

/** `CODE: reason` for a Node fs error; the message itself for anything else. */
export function fsReason(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  const reason = error.message.split(
    /, (?:open|write|read|fdatasync|fsync|ftruncate|link|rename|mkdir|stat)\b/,
  )[0];
  return code && !reason?.startsWith(code) ? `${code}: ${reason}` : (reason ?? error.message);
}
