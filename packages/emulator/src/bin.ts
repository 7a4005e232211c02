// The `dubkit-emulator` executable.
import { runEmulatorCli } from "./cli.js";

process.exitCode = await runEmulatorCli(process.argv.slice(2));
