// The request body of `partners links create` and `links upsert`: `--data` first, the flags over it, and the partner
// it names (flags first, else the body's `partnerId`, then its `tenantId`, as Dub reads them).

import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";
import { optionalPartnerKey, type PartnerFlags, type PartnerKey } from "./partner-lookup.js";
import { parseJsonObject, readTextInput } from "./read-input.js";

/** The flags of `links create` and `links upsert`. */
export interface LinkBodyOptions extends PartnerFlags {
  url?: string;
  key?: string;
  linkProps?: string;
  data?: string;
  json?: boolean;
}

/** The body without the partner's identity, and the partner it names. */
export interface LinkBody {
  body: Record<string, unknown>;
  partner: PartnerKey;
}

const USAGE = {
  id: "--partner-id",
  example: "dubkit partners links create --tenant-id user_42 --key jane-spring",
};

/** The partner the body names when no flag does: `partnerId` wins over `tenantId`, as on Dub. */
function partnerInBody(body: Record<string, unknown>): PartnerKey | undefined {
  const text = (value: unknown) => (typeof value === "string" && value !== "" ? value : undefined);
  const partnerId = text(body.partnerId);
  return optionalPartnerKey(partnerId ? { partnerId } : { tenantId: text(body.tenantId) }, USAGE);
}

/** Builds the body; exit 2 when the JSON is bad or no partner is named. */
export async function buildLinkBody(
  options: LinkBodyOptions,
  stdin: NodeJS.ReadableStream,
): Promise<LinkBody> {
  const body =
    options.data === undefined
      ? {}
      : parseJsonObject(
          await readTextInput(options.data, stdin),
          options.data === "-" ? "The body on stdin" : `--data ${options.data}`,
        );
  if (options.url !== undefined) body.url = options.url;
  if (options.key !== undefined) body.key = options.key;
  if (options.linkProps !== undefined) body.linkProps = parseJsonObject(options.linkProps, "--link-props");
  const partner = optionalPartnerKey(options, USAGE) ?? partnerInBody(body);
  if (!partner) {
    throw new CliError(
      "Name the partner: --partner-id, --tenant-id or --email (or partnerId or tenantId in --data).",
      ExitCode.usage,
      { code: "invalid_request", field: "partnerId", hint: USAGE.example },
    );
  }
  delete body.partnerId;
  delete body.tenantId;
  return { body, partner };
}
