import { mkdtemp, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deleteConfig, readConfig, writeConfig } from "./config-store.js";
import { maskToken, resolveToken } from "./token.js";
import { configDir, configFile, dataDir } from "./xdg-paths.js";

const TOKEN = "dub_abcdefghijklmnopqrstuvwx";

describe("token store", () => {
  it("writes the config with mode 0600 in a 0700 directory and reads it back", async () => {
    const home = await mkdtemp(join(tmpdir(), "dubkit-home-"));
    const file = configFile({ XDG_CONFIG_HOME: join(home, "cfg") });
    await writeConfig(file, { token: TOKEN });
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect((await stat(join(home, "cfg", "dubkit"))).mode & 0o777).toBe(0o700);
    expect(await readConfig(file)).toEqual({ token: TOKEN });
    expect(await deleteConfig(file)).toBe(true);
    expect(await deleteConfig(file)).toBe(false);
    expect(await readConfig(file)).toEqual({});
  });

  it("resolves --token before DUB_API_KEY before the config file", async () => {
    const home = await mkdtemp(join(tmpdir(), "dubkit-home-"));
    const file = join(home, "config.json");
    await writeConfig(file, { token: "dub_fromconfig000000000000" });
    expect(await resolveToken("dub_flag", { DUB_API_KEY: "dub_env" }, file)).toMatchObject({
      source: "--token",
    });
    expect(await resolveToken(undefined, { DUB_API_KEY: "dub_env" }, file)).toMatchObject({
      source: "DUB_API_KEY",
    });
    expect(await resolveToken(undefined, {}, file)).toEqual({
      token: "dub_fromconfig000000000000",
      source: "config",
      file,
    });
    expect(await resolveToken(undefined, {}, join(home, "none.json"))).toBeUndefined();
  });
});

describe("maskToken", () => {
  it("shows only the prefix and the last four characters", () => {
    expect(maskToken(TOKEN)).toBe("dub_…uvwx");
    expect(maskToken(TOKEN)).not.toContain("abcdefgh");
  });

  it("hides short tokens entirely", () => {
    expect(maskToken("dub_short")).toBe("dub_****");
    expect(maskToken("secret")).toBe("****");
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
