// The command tree as shell `case` tables, which bash and zsh read alike: subcommands and flags per
// command path, how each flag's value and each positional argument is completed.

import type { CommandSpec, ValueKind } from "./command-tree.js";
import { singleQuote } from "./shell-quote.js";

/** `flag` for a switch, else `any`, `file`, `profile` or `choices WORD…`. */
export function kindWord(value: ValueKind | undefined): string {
  if (value === undefined) return "flag";
  return value.kind === "choices" ? `choices ${value.choices.join(" ")}` : value.kind;
}

const print = (text: string) => `printf '%s\\n' ${singleQuote(text)}`;

/** The four functions `_dubkit_subcommands`, `_dubkit_flags`, `_dubkit_flag_value`, `_dubkit_argument`. */
export function caseTables(commands: readonly CommandSpec[]): string {
  const root = commands.find((command) => command.path.length === 0)?.flags ?? [];
  const rootNames = root.flatMap((flag) => flag.names);
  const key = (command: CommandSpec) => singleQuote(command.path.join(" "));
  const subcommands = commands.map(
    (command) => `    ${key(command)}) ${print(command.subcommands.map((sub) => sub.name).join(" "))} ;;`,
  );
  const flags = commands.map((command) => {
    const names = [...command.flags.flatMap((flag) => flag.names), ...(command.path.length ? rootNames : [])];
    return `    ${key(command)}) ${print(names.join(" "))} ;;`;
  });
  const flagValues = commands.flatMap((command) =>
    command.path.length === 0
      ? []
      : command.flags.flatMap((flag) =>
          flag.names.map(
            (name) =>
              `    ${singleQuote(`${command.path.join(" ")}|${name}`)}) ${print(kindWord(flag.value))} ;;`,
          ),
        ),
  );
  // The root's flags are accepted after any command, so they match every path.
  for (const flag of root) {
    for (const name of flag.names)
      flagValues.push(`    *${singleQuote(`|${name}`)}) ${print(kindWord(flag.value))} ;;`);
  }
  const args = commands.flatMap((command) =>
    command.args.map(
      (arg, i) => `    ${singleQuote(`${command.path.join(" ")}|${i}`)}) ${print(kindWord(arg))} ;;`,
    ),
  );
  return `# The subcommands of command path $1.
_dubkit_subcommands() {
  case "$1" in
${subcommands.join("\n")}
  esac
}

# The flags accepted after command path $1.
_dubkit_flags() {
  case "$1" in
${flags.join("\n")}
  esac
}

# How the value of flag $2 after command path $1 is completed: flag (it takes none), any, file, profile, choices WORD...
_dubkit_flag_value() {
  case "$1|$2" in
${flagValues.join("\n")}
    *) printf '%s\\n' flag ;;
  esac
}

# How positional argument $2 (from 0) of command path $1 is completed.
_dubkit_argument() {
  case "$1|$2" in
${args.join("\n")}
    *) printf '%s\\n' none ;;
  esac
}`;
}
