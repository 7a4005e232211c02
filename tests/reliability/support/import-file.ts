// Import files with known valid and invalid rows, so a test can check the emulator's final state and the failure
// report without reading the CLI's internal files.
import { writeFile } from "node:fs/promises";

/** A generated import file and what the import must make of it. */
export interface ImportFile {
  path: string;
  rows: number;
  /** Emails of the valid rows, each once. */
  validEmails: Set<string>;
  /** A text unique to each invalid row (its email cell), which the failure report must show. */
  invalidMarkers: string[];
}

/** Invalid rows of several kinds; each keeps a unique marker in its email cell. */
const INVALID_ROWS = [
  (i: number) => ({ marker: `bad-email-${i}`, line: `bad-email-${i},Bad ${i},t${i}` }),
  (i: number) => ({
    marker: `long-name-${i}@example.com`,
    line: `long-name-${i}@example.com,${"x".repeat(101)},t${i}`,
  }),
  (i: number) => ({
    marker: `bad-user-${i}@example.com`,
    line: `bad-user-${i}@example.com,User ${i},t${i},not a key!`,
  }),
];

/** Writes a CSV of `rows` rows at `path` (one physical line each); every `invalidEvery`th row is invalid. */
export async function writeImportCsv(
  path: string,
  rows: number,
  invalidEvery: number,
  prefix = "user",
): Promise<ImportFile> {
  const lines = ["email,name,tenant_id,username"];
  const validEmails = new Set<string>();
  const invalidMarkers: string[] = [];
  for (let i = 1; i <= rows; i++) {
    if (i % invalidEvery === 0) {
      const row = INVALID_ROWS[(i / invalidEvery) % INVALID_ROWS.length]!(i);
      lines.push(row.line);
      invalidMarkers.push(row.marker);
    } else {
      const email = `${prefix}${i}@example.com`;
      lines.push(`${email},"${prefix} ${i}, Jr.",${prefix}-t${i},`);
      validEmails.add(email);
    }
  }
  await writeFile(path, `${lines.join("\n")}\n`);
  return { path, rows, validEmails, invalidMarkers };
}
