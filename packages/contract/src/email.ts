// The email rule of Dub's server: zod 4.3.5's email pattern (later zod versions changed theirs), given explicitly so
// every zod version the client runs on accepts and refuses exactly what the server does.

import * as z from "zod/mini";

/** The pattern Dub's server checks emails with (partners-behavior.md §2). */
export const SERVER_EMAIL_PATTERN =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

/** An email address as Dub's server accepts it: `Invalid email address` otherwise. */
/* @__NO_SIDE_EFFECTS__ */
export function serverEmail() {
  return z.email({ pattern: SERVER_EMAIL_PATTERN });
}
