// Validation messages in plain words. The SDK and Dub's server both speak zod 4's English
// ("Invalid input: expected string, received undefined"); a person wants "email is required".

/** A field and what is wrong with it, e.g. `{ field: "email", reason: "is required" }`. */
export interface PlainIssue {
  /** The field's path (`linkProps.externalId`), or `""` for the value as a whole. */
  field: string;
  /** What is wrong, phrased to follow the field's name: "is required", "must be at most 100 characters long". */
  reason: string;
}

const ARTICLE: Record<string, string> = {
  array: "an array",
  object: "an object",
  integer: "a whole number",
  int: "a whole number",
  number: "a number",
  string: "text",
  boolean: "true or false",
  bigint: "a whole number",
  date: "a date",
  null: "null",
  undefined: "missing",
  NaN: "NaN",
};

function kind(name: string): string {
  return ARTICLE[name] ?? `a ${name}`;
}

function unit(origin: string, bound: number): string {
  if (origin === "string") return bound === 1 ? " character long" : " characters long";
  if (origin === "array" || origin === "set") return bound === 1 ? " item" : " items";
  return "";
}

function bounded(origin: string, sign: string, bound: number): string {
  const have = origin === "array" || origin === "set" ? "have" : "be";
  const n = bound.toLocaleString("en-US");
  if (origin === "string" && sign === ">=" && bound === 1) return "must not be empty";
  switch (sign) {
    case "<=":
      return `must ${have} at most ${n}${unit(origin, bound)}`;
    case "<":
      return `must ${have} fewer than ${n}${unit(origin, bound)}`;
    case ">=":
      return `must ${have} at least ${n}${unit(origin, bound)}`;
    default:
      return `must ${have} more than ${n}${unit(origin, bound)}`;
  }
}

function options(list: string): string {
  const values = list.split("|").map((quoted) => {
    try {
      return String(JSON.parse(quoted));
    } catch {
      return quoted;
    }
  });
  return `must be one of ${values.join(", ")}`;
}

/** Letters only, lower case: `Page size`, `page_size` and `pageSize` all become `pagesize`. */
function loose(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, "");
}

/** Drops a leading mention of the field (`Invalid username.`, `Page size`), so it is not named twice. */
function withoutFieldName(message: string, field: string): string {
  const last =
    field
      .split(/[.[\]"]+/)
      .filter(Boolean)
      .pop() ?? "";
  if (last === "") return message;
  const invalid = /^Invalid ([\w ]+)\.\s*/.exec(message);
  if (invalid && loose(invalid[1] ?? "") === loose(last)) return message.slice(invalid[0].length);
  const words = message.split(" ");
  for (let n = Math.min(3, words.length - 1); n >= 1; n--) {
    if (loose(words.slice(0, n).join(" ")) === loose(last)) return words.slice(n).join(" ");
  }
  return message;
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text[0]!.toLowerCase() + text.slice(1) : text;
}

/** The reason in plain words for one zod-style message about `field`. */
export function plainReason(message: string, field: string): string {
  const text = message.trim().replace(/\.$/, "");
  let match = /^Invalid input: expected (\w+), received (\w+)$/.exec(text);
  if (match) {
    const [, expected = "", received = ""] = match;
    if (received === "undefined") return "is required";
    return `must be ${kind(expected)}, not ${kind(received)}`;
  }
  match = /^Too (?:big|small): expected (\w+) to (?:have|be) ([<>]=?)(-?[\d.]+)(?: \w+)?$/.exec(text);
  if (match) return bounded(match[1] ?? "", match[2] ?? "", Number(match[3]));
  match = /^Invalid option: expected one of (.+)$/.exec(text);
  if (match) return options(match[1] ?? "");
  match = /^Invalid input: expected (".*"|\S+)$/.exec(text);
  if (match) return options(match[1] ?? "");
  match = /^Max [\w ]+ is (\d+)$/.exec(text);
  if (match) return `must be at most ${match[1]}`;
  match = /^Must be (\d+) or fewer characters long$/.exec(text);
  if (match) return bounded("string", "<=", Number(match[1]));
  if (/^Invalid email( address)?$/i.test(text)) return "must look like name@example.com";
  if (/^Invalid url$/i.test(text)) return "must be a URL such as https://example.com";
  if (text === "Invalid input") return "is not valid";
  match = /^Invalid string: (must .+)$/.exec(text);
  if (match) return match[1] ?? text;
  const rest = withoutFieldName(text, field);
  return /^(must|is|should|cannot) /i.test(rest) ? lowerFirst(rest) : `is not valid: ${rest}`;
}

/** `field reason`, e.g. `email is required`; `subject` stands in for an issue about the whole value. */
export function describeIssue(issue: PlainIssue, subject = "the value"): string {
  return `${issue.field === "" ? subject : issue.field} ${issue.reason}`;
}

/** A plain issue from a path and a zod-style message. */
export function plainIssue(field: string, message: string): PlainIssue {
  return { field, reason: plainReason(message, field) };
}

/**
 * Dub's 422 message, `<code>: <path>: <message>` (only the first issue), as a plain issue;
 * `undefined` for any other message.
 */
export function parseServerIssue(message: string): PlainIssue | undefined {
  const match = /^([a-z_]+): ([^:]*): (.+)$/s.exec(message);
  if (!match) return undefined;
  return plainIssue(match[2] ?? "", match[3] ?? "");
}
