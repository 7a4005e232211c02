// Warnings on stderr: `dubkit: warning: …` for people, one JSON object per line under `--json`, so a
// program reading stderr as JSON never meets a line of prose.

import { redact } from "./redact.js";

/** Something worth knowing that does not stop the command. */
export interface Warning {
  /** Stable, e.g. `config_permissions`, `profile_overridden`. */
  code: string;
  message: string;
}

/** Receives warnings. */
export type WarningSink = (warning: Warning) => void;

/** A sink writing to `stream`, as text or (with `json`) as `{"warning":{"code","message"}}` lines. */
export function warningSink(stream: NodeJS.WritableStream, json: boolean): WarningSink {
  return ({ code, message }) => {
    const text = redact(message);
    stream.write(
      json ? `${JSON.stringify({ warning: { code, message: text } })}\n` : `dubkit: warning: ${text}\n`,
    );
  };
}
