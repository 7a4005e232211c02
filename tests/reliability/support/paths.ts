// Where the suite finds the repository, the built bins it drives and the RELIABILITY.md it keeps current.
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));

/** The `dubkit` bin as users run it (the committed shim that loads apps/cli/dist). */
export const cliBin = fileURLToPath(new URL("../../../apps/cli/bin/dubkit.js", import.meta.url));

/** The `dubkit-emulator` bin (the committed shim that loads packages/emulator/dist). */
export const emulatorBin = fileURLToPath(
  new URL("../../../packages/emulator/bin/dubkit-emulator.js", import.meta.url),
);

/** The report whose generated blocks each part of the suite checks (or rewrites with RELIABILITY_WRITE=1). */
export const reliabilityMd = fileURLToPath(new URL("../../../RELIABILITY.md", import.meta.url));
