// `await using dub = new Dub()` relies on `Symbol.asyncDispose`. TypeScript declares it only with lib `esnext` or
// `esnext.disposable`; a Workers- or browser-style project on `es2022` + `dom` would fail to compile dubkit's types.
// This declaration (the same one @types/node makes) lets them compile everywhere; it merges with the lib's own.

declare global {
  interface SymbolConstructor {
    /** The method `await using` calls when its scope ends. */
    readonly asyncDispose: unique symbol;
  }
}

/** `Symbol.asyncDispose`, or the registered symbol TypeScript's own helpers use where the runtime lacks it. */
export const asyncDispose: typeof Symbol.asyncDispose =
  Symbol.asyncDispose ?? (Symbol.for("Symbol.asyncDispose") as typeof Symbol.asyncDispose);
