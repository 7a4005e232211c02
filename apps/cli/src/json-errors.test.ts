import { Command } from "commander";
import { expect, it } from "vitest";
import { commandPath, wantsJsonErrors } from "./json-errors.js";

const program = new Command("dubkit");
const partners = program.command("partners");
const list = partners.command("list");
const importCommand = partners.command("import");

it("asks for JSON errors with --json anywhere, or an output --format json or jsonl", () => {
  expect(wantsJsonErrors(["partners", "list", "--json"], list)).toBe(true);
  expect(wantsJsonErrors(["--json", "partners", "frobnicate"], partners)).toBe(true);
  expect(wantsJsonErrors(["partners", "list", "--format", "jsonl"], list)).toBe(true);
  expect(wantsJsonErrors(["partners", "list", "--format=json"], list)).toBe(true);
  expect(wantsJsonErrors(["partners", "list", "--format", "csv"], list)).toBe(false);
  expect(wantsJsonErrors(["partners", "list", "--", "--json"], list)).toBe(false);
});

it("does not take the import's input --format for an output format", () => {
  expect(wantsJsonErrors(["partners", "import", "x.jsonl", "--format", "jsonl"], importCommand)).toBe(false);
  expect(wantsJsonErrors(["partners", "import", "x.jsonl", "--json"], importCommand)).toBe(true);
});

it("names a command by its path", () => {
  expect(commandPath(list)).toBe("dubkit partners list");
  expect(commandPath(undefined)).toBe("dubkit");
});
