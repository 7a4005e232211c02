// Generated import inputs with known valid and invalid rows.

import { readFile, writeFile } from "node:fs/promises";
import { parse } from "csv-parse/sync";

/** A generated CSV and what the import should make of it. */
export interface GeneratedCsv {
  /** Emails of the valid rows, each once. */
  validEmails: Set<string>;
  /** Line numbers of the invalid rows. */
  invalidLines: number[];
  rows: number;
}

const INVALID_KINDS = [
  (i: number) => `bad-email-${i},Bad ${i},t${i},,`,
  (i: number) => `long${i}@example.com,${"x".repeat(101)},t${i},,`,
  (i: number) => `json${i}@example.com,Json ${i},t${i},,{not json`,
  (i: number) => `cells${i}@example.com,Cells ${i}`,
  (i: number) => `user${i}@example.com,User ${i},t${i},,"{""archived"":""yes""}"`,
];

/** Writes a CSV of `rows` rows (one physical line each); every `invalidEvery`th row is invalid. */
export async function writeCsv(path: string, rows: number, invalidEvery: number): Promise<GeneratedCsv> {
  const lines = ["email,name,tenant_id,link_props.external_id,link_props"];
  const validEmails = new Set<string>();
  const invalidLines: number[] = [];
  for (let i = 1; i <= rows; i++) {
    const line = i + 1;
    if (i % invalidEvery === 0) {
      const kind = INVALID_KINDS[(i / invalidEvery) % INVALID_KINDS.length]!;
      lines.push(kind(i));
      invalidLines.push(line);
    } else {
      const email = `user${i}@example.com`;
      lines.push(`${email},"User ${i}, Jr.",t${i},ext${i},`);
      validEmails.add(email);
    }
  }
  await writeFile(path, `${lines.join("\n")}\n`);
  return { validEmails, invalidLines, rows };
}

/** A CSV failure report as objects keyed by its header (BOM and separator handled). */
export async function readReport(path: string, delimiter = ","): Promise<Array<Record<string, string>>> {
  const text = (await readFile(path, "utf8")).replace(/^\uFEFF/, "");
  return parse(text, { columns: true, delimiter }) as Array<Record<string, string>>;
}
