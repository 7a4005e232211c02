// An input file's records, readable once per pass: the encoding and (for CSV) the separator and header are decided
// once, up front, from the file's first bytes; each pass then streams the data records from the start.

import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import { type CsvDialect, detectDialect, parseDelimiter } from "./csv-dialect.js";
import type { InputFile } from "./input-file.js";
import { type InputFormat, type InputRecord, readCsvRecords, readJsonlRecords } from "./row-reader.js";
import { chooseEncoding, openText, refuseWorkbook, sniff, type TextEncoding } from "./text-decoding.js";

/** How the file is read. */
export interface RecordSource {
  format: InputFormat;
  encoding: TextEncoding;
  dialect: CsvDialect | undefined;
  /** The CSV header, trimmed. */
  header: string[] | undefined;
  /** Streams the data records (the header left out), in batches. */
  records(): AsyncGenerator<InputRecord[]>;
}

/** Reading options from the flags and the mapping file (flags win). */
export interface ReadOptions {
  encoding?: { name: string; source: "--encoding" | "mapping file" } | undefined;
  delimiter?: { text: string; source: "--delimiter" | "mapping file" } | undefined;
}

async function headText(head: Buffer, encoding: TextEncoding): Promise<string> {
  const bytes = head.subarray(encoding.bomBytes);
  if (encoding.name === "utf-8") return new TextDecoder("utf-8").decode(bytes);
  const iconv = (await import("iconv-lite")).default;
  return iconv.decode(bytes, encoding.name);
}

/** Decides how `input` is read, and reads the CSV header; refuses workbooks and unknown encodings. */
export async function openRecordSource(
  input: InputFile,
  format: InputFormat,
  options: ReadOptions,
): Promise<RecordSource> {
  const head = await sniff(input.path);
  refuseWorkbook(head, input.name);
  const encoding = await chooseEncoding(head, options.encoding);
  const text = () => openText(input.path, encoding, input.name);
  if (format === "jsonl") {
    return {
      format,
      encoding,
      dialect: undefined,
      header: undefined,
      records: async function* () {
        yield* readJsonlRecords(await text());
      },
    };
  }
  const given = options.delimiter
    ? {
        delimiter: parseDelimiter(options.delimiter.text, options.delimiter.source),
        source: options.delimiter.source,
      }
    : undefined;
  const dialect = detectDialect(await headText(head, encoding), given);
  const read = async function* () {
    yield* readCsvRecords(await text(), dialect.delimiter, dialect.skipLines);
  };
  const reader = read();
  const first = await reader.next();
  await reader.return(undefined);
  const headerRecord = first.done ? undefined : first.value[0];
  if (!headerRecord?.cells) {
    throw new CliError(
      `${input.name} is empty: a CSV import needs a header row and at least one row.`,
      ExitCode.usage,
      {
        code: "csv",
      },
    );
  }
  const header = headerRecord.cells.map((name) => name.replace(/^\uFEFF/, "").trim());
  return {
    format,
    encoding,
    dialect,
    header,
    records: async function* () {
      let skippedHeader = false;
      for await (const batch of read()) {
        if (!skippedHeader) {
          skippedHeader = true;
          if (batch.length > 1) yield batch.slice(1);
          continue;
        }
        yield batch;
      }
    },
  };
}
