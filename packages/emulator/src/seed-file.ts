// Reads a `--seed-file`: JSON text whose partners and applications the emulator creates at start (see seed-data.ts).
// A file that cannot be read, is not JSON or holds a bad entry stops the start with a message naming the file and
// the entry, before anything is created.
import { readFileSync } from "node:fs";
import { checkSeed, type EmulatorSeed } from "./seed-data.js";

/** The seed in the file; throws an Error naming the file and what is wrong. */
export function readSeedFile(path: string): EmulatorSeed {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new Error(
      `Cannot read seed file ${path}${code ? ` (${code})` : ""}: give the path of a JSON file.`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new Error(`Seed file ${path} is not valid JSON: ${(error as Error).message}.`);
  }
  try {
    return checkSeed(value);
  } catch (error) {
    throw new Error(`Seed file ${path}: ${(error as Error).message.replace(/\.$/, "")}.`);
  }
}
