// What a bulk command does with a row it decided to send: send it through the SDK (the transport's retries and the
// run's limiter included), and read what the answer, or the error, means for the row. The runner, the journal, the
// limiter and the report are the same for every command; a job is the part that differs.

import type { SendRow } from "./row-decision.js";
import type { SendOutcome } from "./send-outcome.js";

/** One kind of row's send and outcomes. */
export interface BulkJob<Answer = unknown> {
  /** Sends one row's body; `signal` aborts when the run abandons requests in flight. */
  send(body: Record<string, unknown>, signal: AbortSignal): Promise<Answer>;
  /**
   * The outcome of an answer. `firstSentAt` is when the row was first sent, in this run or an earlier one that got
   * no answer, so "created now" can be told from "there before".
   */
  outcomeOf(answer: Answer, row: SendRow, firstSentAt: number): SendOutcome;
  /** The outcome of a failed send of `row`; `abandoned` when the run gave up on requests in flight. */
  outcomeOfError(error: unknown, abandoned: boolean, row: SendRow): SendOutcome;
}
