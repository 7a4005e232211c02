// UTM parameters the way Dub's link processing handles them (@dub/utils urls.ts): a group's template merged into a
// partner link's URL (the URL's own values win), parameters set or deleted on a URL, and the utm_* columns read back
// from the final URL.
import type { UtmTemplateConfig } from "./workspace.js";

/** The parameters Dub treats as UTM tags (`UTMTags`). */
export const UTM_TAGS = [
  "utm_source",
  "utm_medium",
  "utm_campaign",
  "utm_term",
  "utm_content",
  "ref",
] as const;

/** One value per UTM tag; null deletes the parameter. */
export type UtmParams = Record<(typeof UTM_TAGS)[number], string | null>;

/** `getParamsFromURL`: the URL's query parameters with a non-empty value (the last one wins); {} when unparsable. */
function paramsFromUrl(url: string): Record<string, string> {
  try {
    const params: Record<string, string> = {};
    for (const [name, value] of new URL(url).searchParams) if (value !== "") params[name] = value;
    return params;
  } catch {
    return {};
  }
}

/**
 * The UTM values a partner link is created with (the route's `extractUtmParams(template)` then
 * `getUTMParamsFromURL(url)`): the template's, null where unset, overridden by the URL's own non-empty ones.
 */
export function templateUtmParams(template: UtmTemplateConfig, url: string): UtmParams {
  const fromUrl = paramsFromUrl(url);
  const params = {} as UtmParams;
  for (const tag of UTM_TAGS) params[tag] = fromUrl[tag] ?? template[tag] ?? null;
  return params;
}

/** `constructURLFromUTMParams`: each non-empty value set (its first `+` read as a space), each empty one deleted. */
export function withUtmParams(url: string, params: Partial<Record<string, string | null>>): string {
  try {
    const parsed = new URL(url);
    for (const [name, value] of Object.entries(params)) {
      if (!value) parsed.searchParams.delete(name);
      else parsed.searchParams.set(name, value.replace("+", " "));
    }
    return parsed.toString();
  } catch {
    return "";
  }
}

/** The utm_* columns of a link: read from its final URL, null when absent or empty. */
export function utmColumns(url: string) {
  const params = paramsFromUrl(url);
  return {
    utm_source: params.utm_source ?? null,
    utm_medium: params.utm_medium ?? null,
    utm_campaign: params.utm_campaign ?? null,
    utm_term: params.utm_term ?? null,
    utm_content: params.utm_content ?? null,
  };
}
