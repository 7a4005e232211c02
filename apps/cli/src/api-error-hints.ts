// What to do about the partner-program API's own refusals (a partner already banned, a key taken, a read-only key),
// matched on Dub's messages (partners-program-behavior.md), which the error report passes on as they are.

/** One known refusal: its status, a pattern of its message, and the hint that goes with it. */
interface KnownRefusal {
  status: number;
  message: RegExp;
  hint: string;
}

const SHOW_PARTNER = "See the partner's status: dubkit partners get ID (or --email, --tenant-id)";

const KNOWN: readonly KnownRefusal[] = [
  { status: 400, message: /already banned/, hint: `Nothing was changed. ${SHOW_PARTNER}` },
  {
    status: 400,
    message: /not approved yet to be banned/,
    hint: "A pending applicant is rejected, not banned: dubkit partners applications reject ID",
  },
  { status: 400, message: /can be deactivated/, hint: `Nothing was changed. ${SHOW_PARTNER}` },
  {
    status: 400,
    message: /cannot be (approved|rejected|deleted) because/,
    hint: "Nothing was changed. The pending applications: dubkit partners applications list",
  },
  {
    status: 400,
    message: /does not match the (program's link domains|URL configured)|cannot create additional links/,
    hint: "A partner link's URL must be on one of the partner group's link domains (Dub dashboard → Program → Groups → Links).",
  },
  {
    status: 409,
    message: /^Duplicate key/,
    hint: "Choose another --key, or leave --key out for a random one.",
  },
  {
    status: 409,
    message: /externalId already exists/,
    hint: "Each link's externalId must be unique in the workspace; choose another one.",
  },
  {
    status: 403,
    message: /required role/,
    hint: "This key can only read (a viewer's or billing member's); use the key of an owner or member of the workspace.",
  },
  {
    status: 403,
    message: /required permissions|necessary permissions/,
    hint: "Use a key with the links.write permission (an owner's or member's, with the links.write or apis.all scope).",
  },
  {
    status: 404,
    message: /^Partner |partner with .* is not enrolled|^Program enrollment not found/,
    hint: "List the program's partners: dubkit partners list",
  },
];

/** The hint for a refusal Dub answered with `status` and `message`, if it is a known one. */
export function hintForRefusal(status: number, message: string): string | undefined {
  return KNOWN.find((known) => known.status === status && known.message.test(message))?.hint;
}
