// How pending applications look in `partners applications list`: the applicant first (approve and reject take their
// partner id), then when they applied; the CSV adds the application's id and the form's answers.

import type { Column } from "./output/record-writer.js";

/** The application fields the views show; anything else is only in JSON. */
export interface ApplicationLike {
  id?: string;
  createdAt?: string;
  partner?: {
    id?: string;
    name?: string | null;
    email?: string | null;
    country?: string | null;
    groupId?: string | null;
  };
  applicationFormData?: ReadonlyArray<{ label?: string; value?: string | null }> | null;
}

/** The columns of the table and TSV. */
export const APPLICATION_COLUMNS: readonly Column<ApplicationLike>[] = [
  { header: "partnerId", value: (a) => a.partner?.id },
  { header: "name", value: (a) => a.partner?.name, shrink: true },
  { header: "email", value: (a) => a.partner?.email, shrink: true },
  { header: "country", value: (a) => a.partner?.country },
  { header: "groupId", value: (a) => a.partner?.groupId },
  { header: "appliedAt", value: (a) => a.createdAt },
];

/** The CSV export: the table's columns, then the application's id and its form's answers as a JSON object. */
export const APPLICATION_EXPORT_COLUMNS: readonly Column<ApplicationLike>[] = [
  ...APPLICATION_COLUMNS,
  { header: "applicationId", value: (a) => a.id },
  { header: "answers", value: (a) => formAnswers(a) },
];

/** The form's answers as `{ label: value }`, or empty without a form. */
function formAnswers(application: ApplicationLike): string {
  const answers = application.applicationFormData ?? [];
  if (answers.length === 0) return "";
  return JSON.stringify(
    Object.fromEntries(answers.map((answer) => [answer.label ?? "", answer.value ?? null])),
  );
}
