// `dub.partners`: the partner operations bound to a client. Adding an operation is one method here.
import type {
  BanPartnerRequest,
  CreatePartnerLinkRequest,
  DeactivatePartnerRequest,
  ListPartnersQuery,
  PartnerAnalyticsGroupBy,
  RetrievePartnerAnalyticsQuery,
  RetrievePartnerLinksQuery,
  UpsertPartnerLinkRequest,
} from "@dubkit/contract";
import type { RequestOptions } from "@dubkit/core";
import type { DubCore } from "../dub-core.js";
import {
  banPartner,
  createPartner,
  createPartnerLink,
  deactivatePartner,
  listPartners,
  retrievePartnerAnalytics,
  retrievePartnerLinks,
  upsertPartnerLink,
} from "../operations.js";

/** The partner operations of a {@link Dub} client. */
export class Partners {
  constructor(private readonly client: DubCore) {}

  /** Creates a partner, or returns the existing enrollment for the same email or tenantId. See {@link createPartner}. */
  create(body: Parameters<typeof createPartner>[1], options?: RequestOptions) {
    return createPartner(this.client, body, options);
  }

  /** Lists partners; await for one page or `for await` over every partner. See {@link listPartners}. */
  list(query?: ListPartnersQuery, options?: RequestOptions) {
    return listPartners(this.client, query, options);
  }

  /** Creates a link for a partner. See {@link createPartnerLink}. */
  createLink(body: CreatePartnerLinkRequest, options?: RequestOptions) {
    return createPartnerLink(this.client, body, options);
  }

  /** Lists a partner's links. See {@link retrievePartnerLinks}. */
  retrieveLinks(query: RetrievePartnerLinksQuery, options?: RequestOptions) {
    return retrievePartnerLinks(this.client, query, options);
  }

  /** Creates or updates a partner's link to a URL. See {@link upsertPartnerLink}. */
  upsertLink(body: UpsertPartnerLinkRequest, options?: RequestOptions) {
    return upsertPartnerLink(this.client, body, options);
  }

  /** A partner's analytics, typed by `groupBy`. See {@link retrievePartnerAnalytics}. */
  analytics<G extends PartnerAnalyticsGroupBy | undefined = undefined>(
    query: RetrievePartnerAnalyticsQuery & { groupBy?: G },
    options?: RequestOptions,
  ) {
    return retrievePartnerAnalytics(this.client, query, options);
  }

  /** Bans a partner. See {@link banPartner}. */
  ban(body: BanPartnerRequest, options?: RequestOptions) {
    return banPartner(this.client, body, options);
  }

  /** Deactivates a partner. See {@link deactivatePartner}. */
  deactivate(body: DeactivatePartnerRequest, options?: RequestOptions) {
    return deactivatePartner(this.client, body, options);
  }
}
