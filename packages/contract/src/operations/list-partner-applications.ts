// GET /partners/applications: the pending applications to the workspace's default program, newest first. Only
// pending enrollments with an application are listed (a pending enrollment without one can still be approved).

import { defineOperation, type Operation } from "@dubkit/core";
import * as z from "zod/mini";
import { english } from "../english.js";
import { PARTNER_STATUSES } from "../enums.js";
import { lenientObject, openEnum } from "../lenient.js";
import type { ObjectSchema } from "../object-schema.js";
import { pageNumber, pageSizeNumber } from "../pagination.js";

const nullableString = () => z.nullable(z.string());
const optionalString = () => z.optional(z.nullable(z.string()));

const listPartnerApplicationsQueryShape = {
  /** Only applicants from this country (exact match on the 2-letter code; no lists here). `""` means no filter. */
  country: z.optional(z.string()),
  /** Only applications to this group (`grp_…`, exact match; no lists here). `""` means no filter. */
  groupId: z.optional(z.string()),
  /** The page to return, from 1. Default 1. */
  page: pageNumber(),
  /** Applications per page, from 1 to 100. Default 100 (sent explicitly). */
  pageSize: pageSizeNumber(100),
};

/**
 * The query of GET /partners/applications (`getPartnerApplicationsQuerySchema`), in the server's key order; unknown
 * keys are dropped. The output is what gets sent, with the server's default `pageSize`.
 */
export const listPartnerApplicationsQuery: ObjectSchema<typeof listPartnerApplicationsQueryShape> = z.object(
  listPartnerApplicationsQueryShape,
);

/** The query of GET /partners/applications, as a caller passes it. */
export type ListPartnerApplicationsQuery = z.input<typeof listPartnerApplicationsQuery>;

const applicationFormAnswerShape = {
  /** The question's label. */
  label: z.string(),
  /** The answer: multiple choices joined with `", "`; null for an unanswered question or an uploaded image. */
  value: nullableString(),
};

/** One answer of an application form. */
export const applicationFormAnswer: ObjectSchema<typeof applicationFormAnswerShape> =
  lenientObject(applicationFormAnswerShape);

const applicantShape = {
  /** The partner's unique ID on Dub (`pn_…`). */
  id: z.string(),
  /** The partner's full legal name. */
  name: z.string(),
  /** If the partner profile is a company, its legal company name. */
  companyName: nullableString(),
  /** The partner's email address, unique across Dub. */
  email: nullableString(),
  /** The partner's avatar image. */
  image: nullableString(),
  /** A brief description of the partner and their background. */
  description: optionalString(),
  /** The partner's country (required for tax purposes). */
  country: nullableString(),
  /** The group the partner applied to (`grp_…`). */
  groupId: optionalString(),
  /** The status of the partner's enrollment in the program: `pending` for every listed application. */
  status: openEnum(PARTNER_STATUSES),
  /** The partner's website URL (with the https protocol). */
  website: optionalString(),
  /** The partner's YouTube channel username (e.g. `johndoe`). */
  youtube: optionalString(),
  /** The partner's Twitter username (e.g. `johndoe`). */
  twitter: optionalString(),
  /** The partner's LinkedIn username (e.g. `johndoe`). */
  linkedin: optionalString(),
  /** The partner's Instagram username (e.g. `johndoe`). */
  instagram: optionalString(),
  /** The partner's TikTok username (e.g. `johndoe`). */
  tiktok: optionalString(),
};

/** The applicant of a pending application. */
const applicant: ObjectSchema<typeof applicantShape> = lenientObject(applicantShape);

const partnerApplicationShape = {
  /** The application's unique ID. */
  id: z.string(),
  /** When the partner applied (ISO 8601). */
  createdAt: z.string(),
  /** The applicant. */
  partner: applicant,
  /** The answers of the program's application form, in its order (`[]` without a form). */
  applicationFormData: z.nullable(z.array(applicationFormAnswer)),
};

/** A pending application to the program, with the applicant. */
export const partnerApplication: ObjectSchema<typeof partnerApplicationShape> =
  lenientObject(partnerApplicationShape);

/** A pending application to the program, with the applicant. */
export type PartnerApplication = z.output<typeof partnerApplication>;

/** The 200 body of GET /partners/applications: one page of pending applications (no total count). */
export const listPartnerApplicationsResponse = z.array(partnerApplication);

/** `GET /partners/applications`. */
export const listPartnerApplicationsOperation: Operation<ListPartnerApplicationsQuery, PartnerApplication[]> =
  defineOperation<ListPartnerApplicationsQuery, PartnerApplication[]>({
    id: "listPartnerApplications",
    method: "GET",
    path: "/partners/applications",
    query: english(listPartnerApplicationsQuery),
    response: english(listPartnerApplicationsResponse),
  });
