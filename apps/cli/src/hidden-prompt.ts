// A prompt whose answer is not echoed, for secrets typed on a terminal.

import { createInterface } from "node:readline";
import { Writable } from "node:stream";

/** Asks `question` on `output` and reads one line from `input` without echoing it. */
export function promptHidden(
  question: string,
  input: NodeJS.ReadStream,
  output: NodeJS.WriteStream,
): Promise<string> {
  let muted = false;
  const sink = new Writable({
    write(chunk, _encoding, callback) {
      if (!muted) output.write(chunk);
      callback();
    },
  });
  const rl = createInterface({ input, output: sink, terminal: true });
  return new Promise((resolve, reject) => {
    rl.on("SIGINT", () => {
      rl.close();
      output.write("\n");
      reject(Object.assign(new Error("Cancelled."), { cancelled: true }));
    });
    rl.question(question, (answer) => {
      rl.close();
      output.write("\n");
      resolve(answer);
    });
    muted = true;
  });
}
