import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { canConfirm, requireConfirmation } from "./confirm-prompt.js";
import type { Terminal } from "./terminal.js";

/** A terminal whose streams are (or are not) TTYs; the prompt itself is tested in tmux (e2e/confirm.test.ts). */
function terminal(tty: { stdin: boolean; stderr: boolean }, env: Record<string, string> = {}): Terminal {
  return {
    stdin: { isTTY: tty.stdin },
    stderr: { isTTY: tty.stderr },
    stdout: { isTTY: false },
    env,
  } as unknown as Terminal;
}

describe("the confirmation", () => {
  it("can be asked only with stdin and stderr on a terminal and CI unset", () => {
    expect(canConfirm(terminal({ stdin: true, stderr: true }))).toBe(true);
    expect(canConfirm(terminal({ stdin: false, stderr: true }))).toBe(false);
    expect(canConfirm(terminal({ stdin: true, stderr: false }))).toBe(false);
    expect(canConfirm(terminal({ stdin: true, stderr: true }, { CI: "true" }))).toBe(false);
  });

  it("is refused (exit 2) when it cannot be asked, unless --yes was given", () => {
    const piped = terminal({ stdin: false, stderr: false });
    expect(() => requireConfirmation(piped, true, "ban a partner")).not.toThrow();
    expect(() =>
      requireConfirmation(terminal({ stdin: true, stderr: true }), false, "ban a partner"),
    ).not.toThrow();
    let error: unknown;
    try {
      requireConfirmation(piped, undefined, "ban a partner");
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(CliError);
    expect(error).toMatchObject({
      exitCode: 2,
      code: "confirmation_required",
      message:
        "Refusing to ban a partner without a confirmation: this is not an interactive terminal. Pass --yes to confirm it on the command line.",
    });
  });
});
