// Dub's own request schemas, as the server declares them (apps/web/lib/zod/schemas/*.ts at the commit the behaviour
// files were read from), in classic zod 4.3.5 and formatted with zod-error 2.0.0 exactly as the server's
// `fromZodError` does: the oracle the emulator's validation is checked against. Test-only code.

import { generateErrorMessage } from "zod-error";
import { z } from "zod-server";

const SERVER_EMAIL =
  /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;
const VALID_KEY = /^[0-9A-Za-z_\u0080-\uFFFF/\-\p{Emoji}.]+$/u;

/** Dub's `processKey(...) !== null`, reduced to the rules that decide null. */
function processKeyAccepts(key: string): boolean {
  if (key === "_root") return true;
  if (!VALID_KEY.test(key)) return false;
  if (key.startsWith("_")) return false;
  if (key.startsWith(".well-known")) return false;
  if (key.endsWith(".php") || key.endsWith(".php7")) return false;
  return true;
}

const splitList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : v.split(",")));
const allowEmptyUrl = z.string().max(32000, { message: "Must be 32000 or fewer characters long." });

/** `createLinkBodySchema` minus what `linkProps` omits, plus `prefix`, all optional (`.partial()`). */
export const serverLinkProps = z
  .object({
    externalId: z
      .string()
      .min(1)
      .max(255)
      .nullish()
      .transform((v) => (typeof v === "string" ? v.replace(/^ext_/, "") : v)),
    tenantId: z.string().max(255).nullish(),
    prefix: z.string(),
    archived: z.boolean(),
    tagIds: splitList,
    tagNames: splitList,
    comments: z.string().nullish(),
    expiresAt: z.string().nullish(),
    expiredUrl: allowEmptyUrl.nullish(),
    password: z.string().nullish(),
    proxy: z.boolean(),
    title: z.string().nullish(),
    description: z.string().nullish(),
    image: z.string().nullish(),
    video: z.string().nullish(),
    rewrite: z.boolean(),
    ios: allowEmptyUrl.nullish(),
    android: allowEmptyUrl.nullish(),
    doIndex: z.boolean(),
    testVariants: z
      .array(z.object({ url: z.string(), percentage: z.number().min(10).max(90) }))
      .min(2)
      .max(4)
      .nullish(),
    testStartedAt: z.string().nullish(),
    testCompletedAt: z.string().nullish(),
  })
  .partial();

/** `createPartnerSchema` (POST /partners). */
export const serverCreatePartner = z.object({
  name: z.string().trim().max(100).nullish(),
  email: z.email({ pattern: SERVER_EMAIL }).trim().max(190),
  username: z
    .string()
    .max(100)
    .nullish()
    .refine((key) => !key || processKeyAccepts(key), {
      message: "Invalid username. Must be a URL-friendly string.",
    }),
  image: z.string().nullish(),
  tenantId: z.string().optional(),
  groupId: z.string().optional(),
  country: z.string().nullish(),
  description: z.string().max(5000).nullish(),
  linkProps: serverLinkProps.optional(),
});

/** What the server answers a body with: its parsed output, or the 422 message of its first issue. */
export function serverVerdict(
  schema: z.ZodType,
  input: unknown,
): { ok: true; data: unknown } | { ok: false; message: string } {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, data: result.data };
  return {
    ok: false,
    // zod-error is typed against the newest zod; the issues it reads have the same shape in 4.3.5.
    message: generateErrorMessage(result.error.issues as Parameters<typeof generateErrorMessage>[0], {
      maxErrors: 1,
      delimiter: { component: ": " },
      path: { enabled: true, type: "objectNotation", label: "" },
      code: { enabled: true, label: "" },
      message: { enabled: true, label: "" },
    }),
  };
}
