import { expect, it } from "vitest";
import { buildProgram } from "../program.js";
import { processTerminal } from "../terminal.js";
import { commandTree } from "./command-tree.js";

const tree = commandTree(buildProgram(processTerminal(), () => undefined));
const at = (path: string) => tree.find((command) => command.path.join(" ") === path);

it("walks every command of the program, with its subcommands", () => {
  expect(at("")?.subcommands.map((sub) => sub.name)).toEqual([
    "partners",
    "emulator",
    "login",
    "logout",
    "whoami",
    "profiles",
    "completion",
  ]);
  expect(at("partners")?.subcommands.map((sub) => sub.name)).toEqual([
    "create",
    "get",
    "list",
    "import",
    "links",
    "analytics",
    "ban",
    "deactivate",
    "applications",
  ]);
  expect(at("partners links")?.subcommands.map((sub) => sub.name)).toEqual(["create", "list", "upsert"]);
  expect(at("partners applications")?.subcommands.map((sub) => sub.name)).toEqual([
    "list",
    "approve",
    "reject",
  ]);
  expect(at("profiles")?.subcommands.map((sub) => sub.name)).toEqual(["list", "use", "remove"]);
});

it("knows which flags take a value, and completes choices, files and profiles", () => {
  const flags = new Map(
    at("partners list")?.flags.flatMap((flag) => flag.names.map((name) => [name, flag.value])),
  );
  expect(flags.get("--status")).toEqual({
    kind: "choices",
    choices: ["pending", "approved", "rejected", "invited", "declined", "deactivated", "banned", "archived"],
  });
  expect(flags.get("--format")).toEqual({
    kind: "choices",
    choices: ["table", "json", "jsonl", "csv", "tsv"],
  });
  expect(flags.get("--all")).toBeUndefined();
  expect(flags.has("--all")).toBe(true);
  const create = new Map(
    at("partners create")?.flags.flatMap((flag) => flag.names.map((name) => [name, flag.value])),
  );
  expect(create.get("--data")).toEqual({ kind: "file" });
  expect(create.get("--name")).toEqual({ kind: "any" });
  const root = new Map(at("")?.flags.flatMap((flag) => flag.names.map((name) => [name, flag.value])));
  expect(root.get("--profile")).toEqual({ kind: "profile" });
  const ban = new Map(
    at("partners ban")?.flags.flatMap((flag) => flag.names.map((name) => [name, flag.value])),
  );
  expect(ban.get("--reason")).toEqual({
    kind: "choices",
    choices: ["tos_violation", "inappropriate_content", "fake_traffic", "fraud", "spam", "brand_abuse"],
  });
  expect(ban.has("--yes") && ban.has("-y")).toBe(true);
  expect(ban.get("--yes")).toBeUndefined();
});

it("completes positional arguments: the import's file, the shell, a profile name", () => {
  expect(at("partners import")?.args).toEqual([{ kind: "file" }]);
  expect(at("completion")?.args).toEqual([{ kind: "choices", choices: ["bash", "zsh", "fish"] }]);
  expect(at("profiles use")?.args).toEqual([{ kind: "profile" }]);
});
