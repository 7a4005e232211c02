import { describe, expect, it, vi } from "vitest";
import { ConnectionError, InvalidRequestError, RequestTimeoutError } from "./client-errors.js";
import { DubError } from "./dub-error.js";
import { Conflict, NotFound, SDKError } from "./sdk-error.js";

function conflict(): Conflict {
  return new Conflict({
    statusCode: 409,
    code: "conflict",
    message: "Tenant taken.",
    body: "",
    headers: new Headers(),
    method: "POST",
    url: "https://api.dub.co/partners",
  });
}

describe("DubError.isInstance", () => {
  it("is true for the class and its ancestors, false for siblings and non-errors", () => {
    const error = conflict();
    expect(Conflict.isInstance(error)).toBe(true);
    expect(SDKError.isInstance(error)).toBe(true);
    expect(DubError.isInstance(error)).toBe(true);
    expect(NotFound.isInstance(error)).toBe(false);
    expect(ConnectionError.isInstance(error)).toBe(false);
    expect(DubError.isInstance(new Error("x"))).toBe(false);
    expect(DubError.isInstance(null)).toBe(false);
    expect(DubError.isInstance("Conflict")).toBe(false);
  });

  it("recognises errors created by a second copy of the module, where instanceof fails", async () => {
    vi.resetModules();
    const copy = await import("./sdk-error.js");
    const foreign = new copy.Conflict({
      statusCode: 409,
      code: "conflict",
      message: "m",
      body: "",
      headers: new Headers(),
      method: "POST",
      url: "u",
    });
    expect(copy.Conflict).not.toBe(Conflict);
    expect(foreign instanceof Conflict).toBe(false);
    expect(Conflict.isInstance(foreign)).toBe(true);
    expect(SDKError.isInstance(foreign)).toBe(true);
    expect(copy.Conflict.isInstance(conflict())).toBe(true);
    expect(NotFound.isInstance(foreign)).toBe(false);
  });

  it("names each error after its class and keeps the brand out of JSON", () => {
    expect(conflict().name).toBe("Conflict");
    expect(new RequestTimeoutError("slow", { timeoutMs: 5 }).name).toBe("RequestTimeoutError");
    expect(String(conflict())).toBe("Conflict: Tenant taken.");
    expect(JSON.parse(JSON.stringify(conflict()))).toMatchObject({
      name: "Conflict",
      statusCode: 409,
      code: "conflict",
    });
  });

  it("lets a subclass that declares its own kind pass its parent's checks, but not the other way round", () => {
    class BanConflict extends Conflict {
      static override readonly kind = "BanConflict";
    }
    const init = {
      statusCode: 409,
      code: "conflict",
      message: "m",
      body: "",
      headers: new Headers(),
      method: "POST",
      url: "u",
    };
    const error = new BanConflict(init);
    expect(error.name).toBe("BanConflict");
    expect(Conflict.isInstance(error)).toBe(true);
    expect(SDKError.isInstance(error)).toBe(true);
    expect(BanConflict.isInstance(error)).toBe(true);
    expect(BanConflict.isInstance(new Conflict(init))).toBe(false);
  });

  it("refuses a subclass without a brand of its own, loudly, both when built and when checked", () => {
    class SilentConflict extends Conflict {}
    const init = {
      statusCode: 409,
      code: "conflict",
      message: "m",
      body: "",
      headers: new Headers(),
      method: "POST",
      url: "u",
    };
    expect(() => new SilentConflict(init)).toThrow(
      /SilentConflict extends Conflict but declares no brand of its own/,
    );
    expect(() => SilentConflict.isInstance(conflict())).toThrow(TypeError);
  });

  it("refuses a subclass that reuses its parent's brand", () => {
    class Impostor extends Conflict {
      static override readonly kind = "Conflict";
    }
    const init = {
      statusCode: 409,
      code: "conflict",
      message: "m",
      body: "",
      headers: new Headers(),
      method: "POST",
      url: "u",
    };
    expect(() => new Impostor(init)).toThrow(/reuses the brand "Conflict"/);
  });
});

describe("InvalidRequestError", () => {
  it("names every failing field in its message", () => {
    const error = new InvalidRequestError([
      { path: "email", message: "Invalid email address" },
      { path: "linkProps.testVariants[0].percentage", message: "Too small" },
      { path: "", message: "Expected object" },
    ]);
    expect(error.message).toBe(
      "Invalid request: email: Invalid email address; linkProps.testVariants[0].percentage: Too small; Expected object",
    );
    expect(error.issues).toHaveLength(3);
  });
});
