// The root of every dubkit error. Class checks go through a `Symbol.for` brand rather than
// `instanceof`, so they still work when two copies of @dubkit/core end up installed side by side.
// Every class brands itself with its own `kind`; a subclass that does not is refused loudly, so a
// team's `class BanConflict extends Conflict {}` can never pass for (or be passed for) a Conflict.

const BRAND = Symbol.for("dubkit.error");

type ErrorClass = abstract new (...args: never[]) => DubError;

function ownKind(ctor: unknown): string | undefined {
  if (typeof ctor !== "function" || !Object.hasOwn(ctor, "kind")) return undefined;
  return (ctor as unknown as { kind: string }).kind;
}

function unbranded(ctor: { name: string; kind?: unknown }): TypeError {
  return new TypeError(
    `${ctor.name || "This error class"} extends ${ctor.kind ?? "DubError"} but declares no brand of its own: ` +
      `add \`static override readonly kind = "${ctor.name || "MyError"}";\` so isInstance() can tell the two apart.`,
  );
}

/** Collects the `kind` of every dubkit class from `ctor` up to `DubError`, most specific first. */
function kindsOf(ctor: unknown): string[] {
  const kinds: string[] = [];
  // Every class from `ctor` up to DubError sees a `kind` (own or inherited); Error and above do not.
  for (
    let current = ctor;
    typeof current === "function" && "kind" in current;
    current = Object.getPrototypeOf(current)
  ) {
    const kind = ownKind(current);
    if (kind === undefined) throw unbranded(current);
    if (kinds.includes(kind)) {
      throw new TypeError(
        `Error class ${current.name} reuses the brand "${kind}" of its subclass: choose another kind.`,
      );
    }
    kinds.push(kind);
  }
  return kinds;
}

/**
 * Base class of every error dubkit throws, both server errors ({@link SDKError} and its subclasses)
 * and client-side ones (connection, timeout, abort, validation).
 *
 * Prefer `Conflict.isInstance(error)` over `error instanceof Conflict`: the static check works
 * across duplicate installs of the package and across realms. A subclass must declare its own
 * `static override readonly kind`; constructing or checking an unbranded subclass throws a `TypeError`.
 */
export class DubError extends Error {
  /**
   * Stable class identifier used by {@link DubError.isInstance}. Every subclass declares its own;
   * it also becomes the error's `name`, so minifiers cannot mangle it.
   */
  static readonly kind: string = "DubError";

  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    const kinds = kindsOf(new.target);
    this.name = kinds[0] ?? "DubError";
    Object.defineProperty(this, BRAND, { value: kinds, enumerable: false });
  }

  /**
   * True when `value` is an error of this class or one of its subclasses, even if it was created
   * by another copy of dubkit. Call it on the class you want: `RateLimitExceeded.isInstance(e)`.
   */
  static isInstance<T extends ErrorClass>(this: T, value: unknown): value is InstanceType<T> {
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the check was called on.
    const kind = ownKind(this);
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the check was called on.
    if (kind === undefined) throw unbranded(this);
    if (typeof value !== "object" || value === null) return false;
    const kinds = (value as { [BRAND]?: unknown })[BRAND];
    return Array.isArray(kinds) && kinds.includes(kind);
  }
}
