// A CSV or JSON Lines file as the rows of a bulk command: its encoding and separator (flags, else the mapping file,
// else detected), its columns mapped to the command's fields (`--map`, the mapping file, then names), and each
// pass's decisions by the command's row rules. Every problem with the file as a whole is thrown before anything is
// sent.

import { CliError } from "../cli-error.js";
import { ExitCode } from "../exit-codes.js";
import type { BulkRows } from "./bulk-command.js";
import { planColumns } from "./column-mapping.js";
import { delimiterName } from "./csv-dialect.js";
import { DuplicateIndex } from "./duplicate-index.js";
import { countLines, type InputFile } from "./input-file.js";
import { applyMapFlags, readMappingFile } from "./mapping-file.js";
import { openRecordSource, type RecordSource } from "./record-source.js";
import type { CellsMapper, MappedRow } from "./row-mapping.js";
import type { InputFormat } from "./row-reader.js";
import type { RowRules } from "./row-rules.js";

/** The flags that say how a file is read. */
export interface FileReadFlags {
  map?: string[];
  mapping?: string;
  encoding?: string;
  delimiter?: string;
}

function describeSource(input: InputFile, source: RecordSource): string {
  const parts = [source.encoding.name.toUpperCase()];
  if (source.dialect) parts.push(`${delimiterName(source.dialect.delimiter)}-separated`);
  return `${input.name} (${parts.join(", ")})`;
}

/** Reads the input's layout and decides the column mapping by `rules`; throws (nothing sent) on any file problem. */
export async function fileRows(
  input: InputFile,
  format: InputFormat,
  flags: FileReadFlags,
  rules: RowRules,
  log: (line: string) => void,
): Promise<BulkRows> {
  const mappingFile =
    flags.mapping === undefined ? undefined : await readMappingFile(flags.mapping, rules.vocabulary);
  const explicit = applyMapFlags(mappingFile?.columns ?? new Map(), flags.map ?? [], rules.vocabulary);
  const source = await openRecordSource(input, format, {
    encoding:
      flags.encoding !== undefined
        ? { name: flags.encoding, source: "--encoding" }
        : mappingFile?.encoding !== undefined
          ? { name: mappingFile.encoding, source: "mapping file" }
          : undefined,
    delimiter:
      flags.delimiter !== undefined
        ? { text: flags.delimiter, source: "--delimiter" }
        : mappingFile?.delimiter !== undefined
          ? { text: mappingFile.delimiter, source: "mapping file" }
          : undefined,
  });
  let mapCells: CellsMapper | undefined;
  let mapObject: (object: Record<string, unknown>) => MappedRow;
  if (source.header) {
    const columns = planColumns(source.header, explicit, rules.vocabulary);
    if (columns.ignored.length > 0) log(`Ignoring columns: ${columns.ignored.join(", ")}`);
    mapCells = rules.cellsMapper(columns.targets);
    mapObject = () => {
      throw new Error("a CSV file has no JSON objects");
    };
  } else {
    if (explicit.size > 0) throw new CliError("--map and --mapping apply to CSV files only.", ExitCode.usage);
    mapObject = rules.objectMapper();
  }
  const expectedRows = await countLines(input.path);
  return {
    name: input.name,
    describe: describeSource(input, source),
    records: () => source.records(),
    context: (resume) => ({
      mapCells,
      columns: source.header?.length ?? 0,
      mapObject,
      check: rules.check,
      duplicates: new DuplicateIndex(expectedRows),
      resume,
    }),
    layout: { header: source.header, delimiter: source.dialect?.delimiter ?? "," },
    version: () => input.version(),
  };
}
