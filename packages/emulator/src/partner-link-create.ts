// A new link for a partner (POST /partners/links and the upsert's create branch, §4.4): on the program's domain, to
// the given URL with the group's UTM template merged in, with the partner's ids and the program's folder, processed
// and written as createLink does.
import type { createPartnerLinkBody } from "@dubkit/contract";
import type * as z from "zod/mini";
import { templateUtmParams } from "./link-utm.js";
import type { ProgramWithSite } from "./partner-link-target.js";
import { newLinkRecord } from "./partner-link-write.js";
import { processPartnerLink } from "./process-partner-link.js";
import type { EnrollmentRecord, LinkRecord } from "./records.js";
import type { RouteContext } from "./route-context.js";
import type { Group } from "./workspace.js";

/** `linkProps` as the contract's body schema outputs them. */
export type LinkPropsOutput = NonNullable<z.output<typeof createPartnerLinkBody>["linkProps"]>;

/** What the request asks for: the destination (already defaulted), a key, and the other link fields. */
export interface NewPartnerLinkRequest {
  url: string;
  key?: string | undefined;
  linkProps?: LinkPropsOutput | undefined;
}

/** Builds the link record to commit; throws processLink's errors. */
export function newPartnerLink(
  context: RouteContext,
  program: ProgramWithSite,
  enrollment: EnrollmentRecord,
  group: Group,
  request: NewPartnerLinkRequest,
): LinkRecord {
  const processed = processPartnerLink(
    { ...context, workspace: context.workspace },
    {
      ...request.linkProps,
      domain: program.domain,
      key: request.key || undefined,
      url: request.url,
      ...(group.utmTemplate ? templateUtmParams(group.utmTemplate, request.url) : {}),
      programId: program.id,
      tenantId: enrollment.tenantId,
      partnerId: enrollment.partnerId,
      folderId: program.defaultFolderId,
      trackConversion: true,
    },
  );
  return newLinkRecord(processed, context.workspace, {
    id: context.newId("link_"),
    createdAt: new Date(context.now()).toISOString(),
  });
}
