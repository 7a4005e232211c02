// The emulator's state: partners, enrollments and links with the indexes the create path needs. Every change is
// a list of events, applied in memory at once (so concurrent requests see it) and appended to the journal when
// there is one; callers await `durable()` before acknowledging anything they read or wrote. When a write fails,
// the journal hands back what the file holds and the state is rebuilt from it, so memory never keeps a change the
// file lost.
import type { Journal } from "./journal.js";
import type {
  ApplicationRecord,
  EnrollmentRecord,
  LinkRecord,
  PartnerRecord,
  StoreEvent,
} from "./records.js";

/** Emails are matched case-insensitively, like MySQL's default `_ci` collation that Dub's database uses. */
export function emailKey(email: string): string {
  return email.toLowerCase();
}

/** In-memory state, optionally backed by a journal. */
export class Store {
  readonly partners = new Map<string, PartnerRecord>();
  readonly enrollments = new Map<string, EnrollmentRecord>();
  readonly links = new Map<string, LinkRecord>();
  readonly applications = new Map<string, ApplicationRecord>();
  readonly #partnerByEmail = new Map<string, PartnerRecord>();
  readonly #usernames = new Set<string>();
  readonly #enrollmentByPartner = new Map<string, EnrollmentRecord>();
  readonly #enrollmentByTenant = new Map<string, EnrollmentRecord>();
  readonly #linkByDomainKey = new Map<string, LinkRecord>();
  readonly #linkByExternalId = new Map<string, LinkRecord>();
  readonly #linksByProgramUrl = new Map<string, LinkRecord[]>();
  readonly #usage = new Map<string, number>();
  readonly settings = new Map<string, string>();
  #journal: Journal | undefined;

  /** Applies events replayed from a journal, then journals every later change there. */
  attach(journal: Journal, replayed: StoreEvent[][]): void {
    this.#replace(replayed);
    this.#journal = journal;
    journal.onRollback((changes) => this.#replace(changes));
  }

  /**
   * Applies a change now and journals it; the returned promise settles when it is durable and rejects when the
   * write failed (the change is then undone). A journal that refuses writes gets no change applied at all.
   */
  commit(change: StoreEvent[]): Promise<void> {
    const journal = this.#journal;
    // A journal that refuses writes (closed, or out of service) rejects the append and logs why.
    if (journal?.refusal) return journal.append(change);
    for (const event of change) this.#apply(event);
    return journal ? journal.append(change) : Promise.resolve();
  }

  /** Settles once everything committed so far is durable (at once without a journal). */
  durable(): Promise<void> {
    return this.#journal ? this.#journal.synced() : Promise.resolve();
  }

  partnerByEmail(email: string): PartnerRecord | undefined {
    return this.#partnerByEmail.get(emailKey(email));
  }

  usernameTaken(username: string): boolean {
    return this.#usernames.has(username);
  }

  enrollmentOf(programId: string, partnerId: string): EnrollmentRecord | undefined {
    return this.#enrollmentByPartner.get(`${programId}\u0000${partnerId}`);
  }

  enrollmentByTenant(programId: string, tenantId: string): EnrollmentRecord | undefined {
    return this.#enrollmentByTenant.get(`${programId}\u0000${tenantId}`);
  }

  /** Short-link keys are unique per domain, case-insensitively (the database collation again). */
  linkTaken(domain: string, key: string): boolean {
    return this.#linkByDomainKey.has(`${domain.toLowerCase()}/${key.toLowerCase()}`);
  }

  externalIdTaken(workspaceId: string, externalId: string): boolean {
    return this.#linkByExternalId.has(`${workspaceId}\u0000${externalId}`);
  }

  /** Enrollments created in the program so far: Dub's `partnersUsage`. */
  usage(programId: string): number {
    return this.#usage.get(programId) ?? 0;
  }

  /** Empties the state and applies `changes`: what the data file holds, at start or after a failed write. */
  #replace(changes: StoreEvent[][]): void {
    // Every collection declared above; one added there must be emptied here too.
    for (const map of [
      this.partners,
      this.enrollments,
      this.links,
      this.#partnerByEmail,
      this.#enrollmentByPartner,
      this.#enrollmentByTenant,
      this.#linkByDomainKey,
      this.#linkByExternalId,
      this.#linksByProgramUrl,
      this.#usage,
      this.settings,
      this.applications,
    ]) {
      map.clear();
    }
    this.#usernames.clear();
    for (const change of changes) for (const event of change) this.#apply(event);
  }

  #indexLink(link: LinkRecord): void {
    this.links.set(link.id, link);
    this.#linkByDomainKey.set(`${link.domain.toLowerCase()}/${link.key.toLowerCase()}`, link);
    if (link.externalId !== null)
      this.#linkByExternalId.set(`${link.workspaceId}\u0000${link.externalId}`, link);
    const byUrl = programUrlKey(link.programId, link.url);
    const sameUrl = this.#linksByProgramUrl.get(byUrl);
    if (!sameUrl) this.#linksByProgramUrl.set(byUrl, [link]);
    else if (!sameUrl.includes(link)) sameUrl.push(link);
  }

  #unindexLink(link: LinkRecord): void {
    this.#linkByDomainKey.delete(`${link.domain.toLowerCase()}/${link.key.toLowerCase()}`);
    if (link.externalId !== null)
      this.#linkByExternalId.delete(`${link.workspaceId}\u0000${link.externalId}`);
    const byUrl = programUrlKey(link.programId, link.url);
    const rest = this.#linksByProgramUrl.get(byUrl)?.filter((other) => other !== link) ?? [];
    if (rest.length > 0) this.#linksByProgramUrl.set(byUrl, rest);
    else this.#linksByProgramUrl.delete(byUrl);
  }

  /** The program's links to this destination URL (compared case-insensitively, like keys); the first is the upsert's match. */
  linksWithUrl(programId: string, url: string): LinkRecord[] {
    return this.#linksByProgramUrl.get(programUrlKey(programId, url)) ?? [];
  }

  /** The link with this externalId in the workspace, if any. */
  linkByExternalId(workspaceId: string, externalId: string): LinkRecord | undefined {
    return this.#linkByExternalId.get(`${workspaceId}\u0000${externalId}`);
  }

  /** The link with this key on this domain (case-insensitive), if any. */
  linkByDomainKey(domain: string, key: string): LinkRecord | undefined {
    return this.#linkByDomainKey.get(`${domain.toLowerCase()}/${key.toLowerCase()}`);
  }

  #apply(event: StoreEvent): void {
    switch (event.type) {
      case "partner": {
        const { partner } = event;
        this.partners.set(partner.id, partner);
        this.#partnerByEmail.set(emailKey(partner.email), partner);
        this.#usernames.add(partner.username);
        break;
      }
      case "partner-update": {
        const partner = this.partners.get(event.id);
        if (partner) Object.assign(partner, event.patch);
        break;
      }
      case "enrollment": {
        const { enrollment } = event;
        this.enrollments.set(enrollment.id, enrollment);
        this.#enrollmentByPartner.set(`${enrollment.programId}\u0000${enrollment.partnerId}`, enrollment);
        if (enrollment.tenantId !== null) {
          this.#enrollmentByTenant.set(`${enrollment.programId}\u0000${enrollment.tenantId}`, enrollment);
        }
        this.#usage.set(enrollment.programId, this.usage(enrollment.programId) + 1);
        for (const link of event.links) this.#indexLink(link);
        break;
      }
      case "link": {
        this.#indexLink(event.link);
        this.enrollmentOf(event.link.programId, event.link.partnerId)?.linkIds.push(event.link.id);
        break;
      }
      case "link-update": {
        const link = this.links.get(event.id);
        if (!link) break;
        this.#unindexLink(link);
        const previousPartner = link.partnerId;
        Object.assign(link, event.patch);
        this.#indexLink(link);
        if (link.partnerId !== previousPartner) {
          const before = this.enrollmentOf(link.programId, previousPartner);
          if (before) before.linkIds = before.linkIds.filter((id) => id !== link.id);
          this.enrollmentOf(link.programId, link.partnerId)?.linkIds.push(link.id);
        }
        break;
      }
      case "enrollment-update": {
        const enrollment = this.enrollments.get(event.id);
        if (!enrollment) break;
        if (event.patch.tenantId !== undefined && event.patch.tenantId !== enrollment.tenantId) {
          if (enrollment.tenantId !== null) {
            this.#enrollmentByTenant.delete(`${enrollment.programId}\u0000${enrollment.tenantId}`);
          }
          if (event.patch.tenantId !== null) {
            this.#enrollmentByTenant.set(`${enrollment.programId}\u0000${event.patch.tenantId}`, enrollment);
          }
        }
        Object.assign(enrollment, event.patch);
        break;
      }
      case "setting":
        this.settings.set(event.name, event.value);
        break;
      case "application": {
        this.applications.set(event.application.id, event.application);
        this.#indexEnrollment(event.enrollment);
        break;
      }
      case "application-update": {
        const application = this.applications.get(event.id);
        if (application) Object.assign(application, event.patch);
        break;
      }
      case "enrollment-delete": {
        const enrollment = this.enrollments.get(event.id);
        if (!enrollment) break;
        this.enrollments.delete(enrollment.id);
        this.#enrollmentByPartner.delete(`${enrollment.programId}\u0000${enrollment.partnerId}`);
        if (enrollment.tenantId !== null) {
          this.#enrollmentByTenant.delete(`${enrollment.programId}\u0000${enrollment.tenantId}`);
        }
        break;
      }
      case "usage-increment":
        this.#usage.set(event.programId, this.usage(event.programId) + 1);
        break;
    }
  }

  /** Adds an enrollment to the maps, without counting it towards the quota (a pending application's). */
  #indexEnrollment(enrollment: EnrollmentRecord): void {
    this.enrollments.set(enrollment.id, enrollment);
    this.#enrollmentByPartner.set(`${enrollment.programId}\u0000${enrollment.partnerId}`, enrollment);
    if (enrollment.tenantId !== null) {
      this.#enrollmentByTenant.set(`${enrollment.programId}\u0000${enrollment.tenantId}`, enrollment);
    }
  }
}

/** The key of the program-and-URL index (the upsert's lookup). */
function programUrlKey(programId: string, url: string): string {
  return `${programId}\u0000${url.toLowerCase()}`;
}
