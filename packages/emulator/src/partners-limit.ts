// `throwIfPartnersLimitExceeded`: one more partner must fit the workspace's quota (partners-behavior.md §1), with
// the trial's message during a billing trial.
import { DubApiError } from "./dub-error.js";
import type { Store } from "./store.js";
import type { Program, Workspace } from "./workspace.js";

/** Throws Dub's 403 when the program already counts `partnersLimit` partners. */
export function throwIfPartnersLimitExceeded(store: Store, workspace: Workspace, program: Program): void {
  const limit = workspace.partnersLimit;
  if (store.usage(program.id) + 1 <= limit) return;
  throw new DubApiError(
    "forbidden",
    workspace.trial
      ? `During your free trial you can have at most ${limit} partners in your program. Start a paid plan to add more.`
      : `You've reached your partners limit of ${limit} for your current plan. Upgrade your plan to add more partners.`,
  );
}
