// The token store: a JSON file readable only by its owner (0600) in a 0700 directory.

import { chmod, mkdir, open, readFile, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { CliError } from "./cli-error.js";
import { ExitCode } from "./exit-codes.js";

/** What the config file holds. */
export interface StoredConfig {
  /** The Dub API token saved by `dubkit login`. */
  token?: string;
}

/** Reads the config file; a missing file is an empty config. */
export async function readConfig(file: string): Promise<StoredConfig> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
    throw error;
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (typeof parsed !== "object" || parsed === null) return {};
    const token = (parsed as { token?: unknown }).token;
    return typeof token === "string" && token !== "" ? { token } : {};
  } catch {
    throw new CliError(
      `The config file ${file} is not valid JSON. Fix it or delete it and run \`dubkit login\` again.`,
      ExitCode.failure,
    );
  }
}

/**
 * Writes the config atomically: a temporary file created with mode 0600 is fsynced and renamed
 * over the old one, so the token is never readable by others, not even for a moment.
 */
export async function writeConfig(file: string, config: StoredConfig): Promise<void> {
  const dir = dirname(file);
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, "w", 0o600);
  try {
    await handle.writeFile(`${JSON.stringify(config, null, 2)}\n`);
    await handle.sync();
  } finally {
    await handle.close();
  }
  // `open`'s mode is filtered by the umask; set it explicitly.
  await chmod(temp, 0o600);
  await rename(temp, file);
}

/** Deletes the config file; returns whether there was one. */
export async function deleteConfig(file: string): Promise<boolean> {
  try {
    await rm(file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}
