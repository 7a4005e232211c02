// An application's form answers: the shape Dub stores (`programApplicationFormDataWithValuesSchema`), the check that
// admits them (from the admin API, a seed file or a replayed data file), and how GET /partners/applications renders
// them (`formatApplicationFormData`, then `""` → null).
import { PARTNER_PLATFORM_TYPES, type PartnerPlatformType } from "@dubkit/contract";

/** A text, long-text or select answer. */
export interface TextFormField {
  type: "short-text" | "long-text" | "select";
  label: string;
  value: string;
  id?: string;
  required?: boolean;
}

/** A multiple-choice answer: one choice, or (with `data.multiple`, or an array value) several. */
export interface ChoiceFormField {
  type: "multiple-choice";
  label: string;
  value: string | string[];
  data?: { multiple?: boolean; options?: { id: string; value: string }[] };
  id?: string;
  required?: boolean;
}

/** Uploaded images (URLs); the API shows no value for them. */
export interface ImageFormField {
  type: "image-upload";
  label: string;
  value: string[];
  id?: string;
  required?: boolean;
}

/** The applicant's website and social accounts; the API leaves this field out of the answers. */
export interface WebsiteAndSocialsFormField {
  type: "website-and-socials";
  data: { type: PartnerPlatformType; value: string; required?: boolean }[];
  id?: string;
}

/** One answered question of an application form. */
export type ApplicationFormField =
  | TextFormField
  | ChoiceFormField
  | ImageFormField
  | WebsiteAndSocialsFormField;

/** The answers of an application form, as Dub stores them. */
export interface ApplicationFormData {
  fields: ApplicationFormField[];
}

/** One answer as GET /partners/applications lists it. */
export interface ApplicationFormAnswer {
  label: string;
  value: string | null;
}

const FIELD_TYPES = [
  "short-text",
  "long-text",
  "select",
  "multiple-choice",
  "image-upload",
  "website-and-socials",
] as const;

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isTextList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((item) => typeof item === "string");

function shown(value: unknown): string {
  if (value === undefined) return "nothing";
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

/** What is wrong with one field, or undefined. */
function fieldProblem(field: unknown, path: string): string | undefined {
  if (!isObject(field)) return `${path}: expected an object, got ${shown(field)}`;
  const type = field.type;
  if (typeof type !== "string" || !(FIELD_TYPES as readonly string[]).includes(type)) {
    return `${path}.type: expected one of ${FIELD_TYPES.join(", ")}, got ${shown(type)}`;
  }
  if (field.id !== undefined && typeof field.id !== "string")
    return `${path}.id: expected text, got ${shown(field.id)}`;
  if (type === "website-and-socials") {
    if (!Array.isArray(field.data))
      return `${path}.data: expected a list of accounts, got ${shown(field.data)}`;
    for (const [index, site] of field.data.entries()) {
      const at = `${path}.data[${index}]`;
      if (!isObject(site)) return `${at}: expected an object, got ${shown(site)}`;
      if (!(PARTNER_PLATFORM_TYPES as readonly unknown[]).includes(site.type))
        return `${at}.type: expected one of ${PARTNER_PLATFORM_TYPES.join(", ")}, got ${shown(site.type)}`;
      if (typeof site.value !== "string") return `${at}.value: expected text, got ${shown(site.value)}`;
    }
    return undefined;
  }
  if (typeof field.label !== "string") return `${path}.label: expected text, got ${shown(field.label)}`;
  const value = field.value;
  if (type === "image-upload") {
    return isTextList(value)
      ? undefined
      : `${path}.value: expected a list of image URLs, got ${shown(value)}`;
  }
  if (type === "multiple-choice") {
    if (field.data !== undefined && !isObject(field.data))
      return `${path}.data: expected an object, got ${shown(field.data)}`;
    const multiple = field.data?.multiple;
    if (multiple !== undefined && typeof multiple !== "boolean")
      return `${path}.data.multiple: expected true or false, got ${shown(multiple)}`;
    if (typeof value === "string" || (isTextList(value) && multiple !== false)) return undefined;
    return multiple === false
      ? `${path}.value: a single-choice answer is one text, got ${shown(value)}`
      : `${path}.value: expected a choice or a list of choices, got ${shown(value)}`;
  }
  return typeof value === "string" ? undefined : `${path}.value: expected text, got ${shown(value)}`;
}

/**
 * What is wrong with form data (`{ fields: [...] }`), as `fields[2].value: expected text, got 5` (the caller adds
 * where the form data sits); undefined when it is valid.
 */
export function formDataProblem(value: unknown): string | undefined {
  if (!isObject(value)) return `expected an object with fields, got ${shown(value)}`;
  if (!Array.isArray(value.fields)) return `fields: expected a list, got ${shown(value.fields)}`;
  for (const [index, field] of value.fields.entries()) {
    const problem = fieldProblem(field, `fields[${index}]`);
    if (problem) return problem;
  }
  return undefined;
}

/** The answers as the API lists them: in form order, website-and-socials left out, images and `""` as null. */
export function applicationFormAnswers(formData: ApplicationFormData | null): ApplicationFormAnswer[] {
  const answers: ApplicationFormAnswer[] = [];
  for (const field of formData?.fields ?? []) {
    if (field.type === "website-and-socials") continue;
    let value: string;
    if (field.type === "image-upload") value = "";
    else if (field.type === "multiple-choice" && Array.isArray(field.value)) value = field.value.join(", ");
    else value = field.value as string;
    answers.push({ label: field.label, value: value === "" ? null : value });
  }
  return answers;
}
