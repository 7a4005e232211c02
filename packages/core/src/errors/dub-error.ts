// The root of every dubkit error. Class checks go through a `Symbol.for` brand rather than
// `instanceof`, so they still work when two copies of @dubkit/core end up installed side by side.

const BRAND = Symbol.for("dubkit.error");

type ErrorClass = abstract new (...args: never[]) => DubError;

/** Collects the `kind` of every dubkit class from `ctor` up to `DubError`, most specific first. */
function kindsOf(ctor: unknown): string[] {
  const kinds: string[] = [];
  for (let current = ctor; typeof current === "function"; current = Object.getPrototypeOf(current)) {
    if (Object.hasOwn(current, "kind")) kinds.push((current as unknown as { kind: string }).kind);
  }
  return kinds;
}

/**
 * Base class of every error dubkit throws, both server errors ({@link SDKError} and its subclasses)
 * and client-side ones (connection, timeout, abort, validation).
 *
 * Prefer `Conflict.isInstance(error)` over `error instanceof Conflict`: the static check works
 * across duplicate installs of the package and across realms.
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
    if (typeof value !== "object" || value === null) return false;
    const kinds = (value as { [BRAND]?: unknown })[BRAND];
    // biome-ignore lint/complexity/noThisInStatic: `this` is the subclass the check was called on.
    const kind = (this as unknown as { kind: string }).kind;
    return Array.isArray(kinds) && kinds.includes(kind);
  }
}
