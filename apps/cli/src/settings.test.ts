import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { writeConfig } from "./config-store.js";
import type { GlobalOptions } from "./global-options.js";
import { DUB_API_URL, resolveSettings } from "./settings.js";
import type { Warning } from "./warning.js";
import { configFile } from "./xdg-paths.js";

const FLAG = "dub_flagflagflagflagflagflag";
const ENV = "dub_envenvenvenvenvenvenvenv";
const WORK = "dub_workworkworkworkworkwork";
const HOME = "dub_homehomehomehomehomehome";

async function setup() {
  const dir = await mkdtemp(join(tmpdir(), "dubkit-settings-"));
  const env = { XDG_CONFIG_HOME: dir };
  await writeConfig(configFile(env), {
    defaultProfile: "home",
    profiles: { home: { token: HOME }, work: { token: WORK, baseUrl: "http://127.0.0.1:7001" } },
  });
  return env;
}

const globals = (extra: Partial<GlobalOptions> = {}): GlobalOptions => ({ color: false, ...extra });

describe("resolveSettings", () => {
  it("takes the token and base URL from the flag, else the environment, else the profile, and says which", async () => {
    const env = await setup();
    const flag = await resolveSettings(globals({ token: FLAG, baseUrl: "http://127.0.0.1:7003/" }), {
      ...env,
      DUB_API_KEY: ENV,
      DUB_API_URL: "http://127.0.0.1:7002",
    });
    expect(flag.token).toEqual({ value: FLAG, source: "--token" });
    expect(flag.baseUrl).toEqual({ value: "http://127.0.0.1:7003", source: "--base-url" });

    const fromEnv = await resolveSettings(globals({ profile: "work" }), {
      ...env,
      DUB_API_KEY: ENV,
      DUB_API_URL: "http://127.0.0.1:7002",
    });
    expect(fromEnv.token).toEqual({ value: ENV, source: "DUB_API_KEY" });
    expect(fromEnv.baseUrl).toEqual({ value: "http://127.0.0.1:7002", source: "DUB_API_URL" });

    const profile = await resolveSettings(globals({ profile: "work" }), env);
    expect(profile.token).toEqual({ value: WORK, source: "profile" });
    expect(profile.baseUrl).toEqual({ value: "http://127.0.0.1:7001", source: "profile" });
  });

  it("chooses the profile by --profile, else DUBKIT_PROFILE, else the default set by `profiles use`", async () => {
    const env = await setup();
    expect(
      (await resolveSettings(globals({ profile: "work" }), { ...env, DUBKIT_PROFILE: "home" })).profile,
    ).toMatchObject({
      name: "work",
      source: "--profile",
    });
    expect((await resolveSettings(globals(), { ...env, DUBKIT_PROFILE: "work" })).profile).toMatchObject({
      name: "work",
      source: "DUBKIT_PROFILE",
    });
    const fallback = await resolveSettings(globals(), env);
    expect(fallback.profile).toMatchObject({ name: "home", source: "config" });
    expect(fallback.baseUrl).toEqual({ value: DUB_API_URL, source: "default" });
  });

  it("refuses a profile that was asked for and does not exist, listing the ones that do", async () => {
    const env = await setup();
    const error = await resolveSettings(globals({ profile: "typo" }), env).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CliError);
    expect((error as CliError).exitCode).toBe(2);
    expect((error as CliError).message).toContain("(profiles: home, work)");
    await expect(
      resolveSettings(globals({ profile: "new" }), env, { allowMissingProfile: true }),
    ).resolves.toBeDefined();
  });

  it("warns when the environment overrides a profile chosen by name", async () => {
    const env = await setup();
    const warnings: Warning[] = [];
    await resolveSettings(
      globals({ profile: "work" }),
      { ...env, DUB_API_KEY: ENV },
      { warn: (w) => warnings.push(w) },
    );
    expect(warnings).toEqual([
      {
        code: "profile_overridden",
        message: 'Profile "work" is selected, but DUB_API_KEY overrides its token.',
      },
    ]);
  });

  it("trims a CRLF-terminated DUB_API_KEY and refuses one a header cannot carry", async () => {
    const env = await setup();
    expect((await resolveSettings(globals(), { ...env, DUB_API_KEY: `${ENV}\r\n` })).token?.value).toBe(ENV);
    await expect(resolveSettings(globals(), { ...env, DUB_API_KEY: "dub_a b" })).rejects.toThrow(
      /DUB_API_KEY contains/,
    );
  });

  it("refuses a base URL that is not http(s), naming where it came from and redacting a token in it", async () => {
    const env = await setup();
    await expect(resolveSettings(globals(), { ...env, DUB_API_URL: "api.dub.co" })).rejects.toThrow(
      /^DUB_API_URL must be/,
    );
    const error = await resolveSettings(globals({ baseUrl: FLAG }), env).then(
      () => undefined,
      (caught: Error) => caught,
    );
    expect(error?.message).toContain("--base-url");
    expect(error?.message).not.toContain(FLAG);
  });
});
