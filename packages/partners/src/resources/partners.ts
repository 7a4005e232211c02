// `dub.partners`: the partner operations bound to a client. Adding an operation is one line here.
import type { ListPartnersQuery } from "@dubkit/contract";
import type { RequestOptions } from "@dubkit/core";
import type { DubCore } from "../dub-core.js";
import { type CreatePartnerInput, createPartner, listPartners } from "../operations.js";

/** The partner operations of a {@link Dub} client. */
export class Partners {
  constructor(private readonly client: DubCore) {}

  /** Creates a partner, or returns the existing enrollment for the same email or tenantId. See {@link createPartner}. */
  create(body: CreatePartnerInput, options?: RequestOptions) {
    return createPartner(this.client, body, options);
  }

  /** Lists partners; await for one page or `for await` over every partner. See {@link listPartners}. */
  list(query?: ListPartnersQuery, options?: RequestOptions) {
    return listPartners(this.client, query, options);
  }
}
