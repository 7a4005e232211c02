// The command tree as completion needs it, read from the commander definitions themselves, so a new
// command, flag or choice is completed without touching the shell scripts.

import type { Argument, Command, Option } from "commander";

/** What a value is completed with. */
export type ValueKind =
  | { kind: "any" }
  | { kind: "file" }
  | { kind: "profile" }
  | { kind: "choices"; choices: readonly string[] };

/** A flag: its spellings, and how its value is completed (none for a switch). */
export interface FlagSpec {
  names: string[];
  description: string;
  value?: ValueKind;
}

/** One command: its path from the root (`[]` for `dubkit` itself), what follows it, its own flags. */
export interface CommandSpec {
  path: string[];
  description: string;
  subcommands: { name: string; description: string }[];
  flags: FlagSpec[];
  /** Positional arguments, in order; a variadic last one repeats. */
  args: ValueKind[];
}

function valueKind(placeholder: string, choices: readonly string[] | undefined): ValueKind {
  if (choices && choices.length > 0) return { kind: "choices", choices };
  if (/profile/i.test(placeholder)) return { kind: "profile" };
  if (/file/i.test(placeholder)) return { kind: "file" };
  return { kind: "any" };
}

function flagSpec(option: Option): FlagSpec {
  const names = [option.long, option.short].filter((name): name is string => typeof name === "string");
  const spec: FlagSpec = { names, description: option.description };
  if (option.required || option.optional) {
    const placeholder = /[<[]([^>\]]+)[>\]]/.exec(option.flags)?.[1] ?? "";
    spec.value = valueKind(placeholder, option.argChoices);
  }
  return spec;
}

function argumentKind(argument: Argument): ValueKind {
  return valueKind(argument.name(), argument.argChoices);
}

function describe(command: Command, path: string[], out: CommandSpec[]): void {
  const help = command.createHelp();
  out.push({
    path,
    description: command.description(),
    subcommands: help
      .visibleCommands(command)
      .filter((sub) => sub.name() !== "help")
      .map((sub) => ({ name: sub.name(), description: sub.description() })),
    flags: help.visibleOptions(command).map(flagSpec),
    args: command.registeredArguments.map(argumentKind),
  });
  for (const sub of command.commands) describe(sub, [...path, sub.name()], out);
}

/** Every command of `program`, depth first. The root's flags are accepted after any command. */
export function commandTree(program: Command): CommandSpec[] {
  const out: CommandSpec[] = [];
  describe(program, [], out);
  return out;
}
