// `dub.partnerApplications`: the application operations bound to a client. Adding an operation is one method here.
import type {
  ApprovePartnerApplicationRequest,
  ListPartnerApplicationsQuery,
  RejectPartnerApplicationRequest,
} from "@dubkit/contract";
import type { RequestOptions } from "@dubkit/core";
import type { DubCore } from "../dub-core.js";
import {
  approvePartnerApplication,
  listPartnerApplications,
  rejectPartnerApplication,
} from "../operations.js";

/** The partner-application operations of a {@link Dub} client. */
export class PartnerApplications {
  constructor(private readonly client: DubCore) {}

  /** Lists pending applications; await for one page or `for await` over all. See {@link listPartnerApplications}. */
  list(query?: ListPartnerApplicationsQuery, options?: RequestOptions) {
    return listPartnerApplications(this.client, query, options);
  }

  /** Approves an application. See {@link approvePartnerApplication}. */
  approve(body: ApprovePartnerApplicationRequest, options?: RequestOptions) {
    return approvePartnerApplication(this.client, body, options);
  }

  /** Rejects an application. See {@link rejectPartnerApplication}. */
  reject(body: RejectPartnerApplicationRequest, options?: RequestOptions) {
    return rejectPartnerApplication(this.client, body, options);
  }
}
