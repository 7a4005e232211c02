// One item of GET /partners/applications (`PartnerApplicationSchema`): the application's id and date, the applicant
// with their enrollment's group and status, and the form answers, in the schema's key order.
import type { PartnerApplication } from "@dubkit/contract";
import { applicationFormAnswers } from "./application-form.js";
import type { ApplicationRecord, EnrollmentRecord, PartnerRecord } from "./records.js";

/** Renders an application as the API lists it. */
export function applicationView(
  application: ApplicationRecord,
  partner: PartnerRecord,
  enrollment: EnrollmentRecord,
): PartnerApplication {
  return {
    id: application.id,
    createdAt: application.createdAt,
    partner: {
      id: partner.id,
      name: partner.name,
      companyName: partner.companyName,
      email: partner.email,
      image: partner.image,
      description: partner.description,
      country: partner.country,
      groupId: enrollment.groupId,
      status: enrollment.status,
      website: partner.website,
      youtube: partner.youtube,
      twitter: partner.twitter,
      linkedin: partner.linkedin,
      instagram: partner.instagram,
      tiktok: partner.tiktok,
    },
    applicationFormData: applicationFormAnswers(application.formData),
  };
}
