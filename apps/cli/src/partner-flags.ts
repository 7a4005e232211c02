// The flags that name one partner (`--partner-id`, `--tenant-id`, `--email`), for the definitions of the commands
// that act on one: links, analytics, ban, deactivate.

import type { Command } from "commander";

/** Adds the three partner flags to `command`. */
export function addPartnerFlags(command: Command): Command {
  return command
    .option("--partner-id <id>", "the partner's id on Dub (pn_…)")
    .option("--tenant-id <id>", "the partner's tenant id (your own id for them)")
    .option("--email <email>", "the partner's email (looked up first: the API takes an id)");
}
