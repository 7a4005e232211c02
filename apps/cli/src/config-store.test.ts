import { chmod, mkdir, mkdtemp, readFile, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { checkProfileName, parseConfig, readConfig, writeConfig } from "./config-store.js";
import type { Warning } from "./warning.js";
import { configDir, configFile, dataDir } from "./xdg-paths.js";

const TOKEN = "dub_abcdefghijklmnopqrstuvwx";

async function home() {
  return mkdtemp(join(tmpdir(), "dubkit-home-"));
}

describe("config file", () => {
  it("writes profiles with mode 0600 in a 0700 directory and reads them back", async () => {
    const file = configFile({ XDG_CONFIG_HOME: join(await home(), "cfg") });
    const config = {
      defaultProfile: "work",
      profiles: { work: { token: TOKEN, baseUrl: "http://127.0.0.1:1" } },
    };
    await writeConfig(file, config);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(file, ".."))).mode & 0o777).toBe(0o700);
    expect(await readConfig(file)).toEqual(config);
  });

  it("reads the first format, { token }, as the profile `default`", () => {
    expect(parseConfig(JSON.stringify({ token: TOKEN }), "f")).toEqual({
      profiles: { default: { token: TOKEN } },
    });
    expect(parseConfig("{}", "f")).toEqual({ profiles: {} });
  });

  it("is an empty config when the file is missing, and deletes the file when no profile is left", async () => {
    const file = join(await home(), "config.json");
    expect(await readConfig(file)).toEqual({ profiles: {} });
    await writeConfig(file, { profiles: { a: { token: TOKEN } } });
    await writeConfig(file, { profiles: {} });
    await expect(stat(file)).rejects.toMatchObject({ code: "ENOENT" });
  });

  it("names the file and what is wrong when it is not valid, exit 2", () => {
    for (const [text, what] of [
      ["{", "not JSON"],
      ["[]", "JSON object"],
      ['{"profiles":{"a":{"token":5}}}', 'token of profile "a" must be a string'],
    ]) {
      expect(() => parseConfig(text as string, "/x/config.json")).toThrow(CliError);
      expect(() => parseConfig(text as string, "/x/config.json")).toThrow(what as string);
    }
  });

  it("narrows a group- or world-readable file to 0600 and its directory to 0700, with a warning each", async () => {
    const dir = join(await home(), "dubkit");
    await mkdir(dir);
    const file = join(dir, "config.json");
    await writeFile(file, JSON.stringify({ token: TOKEN }));
    await chmod(dir, 0o777);
    await chmod(file, 0o644);
    const warnings: Warning[] = [];
    expect(await readConfig(file, (warning) => warnings.push(warning))).toEqual({
      profiles: { default: { token: TOKEN } },
    });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
    expect(warnings.map((w) => w.code)).toEqual(["config_permissions", "config_permissions"]);
    expect(warnings[1]?.message).toContain("0644");
    expect(await readFile(file, "utf8")).toContain(TOKEN);
  });

  it("narrows an existing 0777 directory when writing", async () => {
    const dir = join(await home(), "dubkit");
    await mkdir(dir);
    await chmod(dir, 0o777);
    await writeConfig(join(dir, "config.json"), { profiles: { a: { token: TOKEN } } });
    expect((await stat(dir)).mode & 0o777).toBe(0o700);
  });
});

describe("checkProfileName", () => {
  it("accepts letters, digits, dot, dash and underscore, and refuses the rest", () => {
    expect(checkProfileName("work-2.eu_1")).toBe("work-2.eu_1");
    for (const bad of ["", "-x", "a b", "a/b", "x".repeat(65)])
      expect(() => checkProfileName(bad)).toThrow(CliError);
  });
});

describe("XDG paths", () => {
  it("follows XDG_CONFIG_HOME and XDG_DATA_HOME, else ~/.config and ~/.local/share", () => {
    expect(configDir({ XDG_CONFIG_HOME: "/x/cfg" })).toBe("/x/cfg/dubkit");
    expect(dataDir({ XDG_DATA_HOME: "/x/data" })).toBe("/x/data/dubkit");
    expect(configDir({ HOME: "/home/u" })).toBe("/home/u/.config/dubkit");
    expect(dataDir({ HOME: "/home/u", XDG_DATA_HOME: "relative" })).toBe("/home/u/.local/share/dubkit");
  });
});
