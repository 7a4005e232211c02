// The smoke program as a Cloudflare Worker: each POST carries the configuration, and the steps run inside the
// Worker with its own `fetch` (the client's default), so workerd's fetch is what talks to the emulator.
import { Conflict, InvalidRequestError } from "@dubkit/core";
import { Dub } from "@dubkit/partners";
import { runSmoke } from "./steps.mjs";

export default {
  async fetch(request) {
    try {
      const result = await runSmoke({ Dub, Conflict, InvalidRequestError }, await request.json());
      return Response.json({ runtime: navigator.userAgent, result });
    } catch (error) {
      return new Response(error instanceof Error ? (error.stack ?? error.message) : String(error), {
        status: 500,
      });
    }
  },
};
