// Every field a caller writes or reads has a documentation comment an editor shows on hover, in the declarations an
// app gets: the test loads the built dist/index.d.ts with the TypeScript compiler API and walks the input and output
// types of every exported operation (and every exported `…Request`, `…Query`, `…Response` type), nested objects and
// arrays included. (TypeScript drops the comments of inferred shapes when it writes declarations; see
// object-schema.ts.)
import { readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const entry = join(root, "dist", "index.d.ts");

/** The newest modification time of the package's source files, tests aside. */
function newestSource(dir = join(root, "src")): number {
  return Math.max(
    ...readdirSync(dir, { withFileTypes: true }).map((item) => {
      const path = join(dir, item.name);
      if (item.isDirectory()) return newestSource(path);
      return /\.test(-d)?\.ts$/.test(item.name) ? 0 : statSync(path).mtimeMs;
    }),
  );
}

/** The built declarations, refused when missing or older than the sources (a test of stale output proves nothing). */
function builtEntry(): string {
  const build = "build the package first: npx -y pnpm@10.34.9 --filter @dubkit/contract build";
  let built: number;
  try {
    built = statSync(entry).mtimeMs;
  } catch {
    throw new Error(`${entry} is missing; ${build}`);
  }
  if (built < newestSource()) throw new Error(`${entry} is older than src/; ${build}`);
  return entry;
}

function compile() {
  const configPath = join(root, "tsconfig.json");
  const config = ts.getParsedCommandLineOfConfigFile(
    configPath,
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`cannot read ${configPath}`);
  const program = ts.createProgram([builtEntry()], { ...config.options, noEmit: true });
  const source = program.getSourceFile(entry);
  const checker = program.getTypeChecker();
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`cannot compile ${entry}`);
  return { checker, exports: checker.getExportsOfModule(module) };
}

const { checker, exports } = compile();

/** Whether `symbol` has a comment, or a tag with text (`@deprecated Use x`). */
function isDocumented(checker: ts.TypeChecker, symbol: ts.Symbol): boolean {
  if (ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== "") return true;
  return symbol.getJsDocTags(checker).some((tag) => ts.displayPartsToString(tag.text).trim() !== "");
}

/** Walks the properties reachable from a type, collecting their paths and those without documentation. */
function walker(checker: ts.TypeChecker) {
  const seen = new Set<ts.Type>();
  const visited: string[] = [];
  const missing: string[] = [];
  const walk = (type: ts.Type, path: string): void => {
    if (seen.has(type)) return;
    seen.add(type);
    if (type.isUnionOrIntersection()) {
      for (const part of type.types) walk(part, path);
      return;
    }
    if (checker.isArrayType(type) || checker.isTupleType(type)) {
      for (const item of checker.getTypeArguments(type as ts.TypeReference)) walk(item, `${path}[]`);
      return;
    }
    if (!(type.flags & ts.TypeFlags.Object) || type.getSymbol()?.getName() === "Date") return;
    for (const property of checker.getPropertiesOfType(type)) {
      const at = `${path}.${property.getName()}`;
      visited.push(at);
      if (!isDocumented(checker, property)) missing.push(at);
      walk(checker.getTypeOfSymbol(property), at);
    }
  };
  return { walk, visited, missing };
}

const resolved = (symbol: ts.Symbol) =>
  symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

const operations = exports.filter((symbol) => symbol.getName().endsWith("Operation"));
const namedTypes = exports.filter(
  (symbol) =>
    resolved(symbol).flags & ts.SymbolFlags.TypeAlias && /(Request|Query|Response)$/.test(symbol.getName()),
);

describe("documentation", () => {
  it("finds the operations and the request and response types", () => {
    expect(operations.map((symbol) => symbol.getName()).sort()).toEqual([
      "approvePartnerApplicationOperation",
      "banPartnerOperation",
      "createPartnerLinkOperation",
      "createPartnerOperation",
      "deactivatePartnerOperation",
      "getLinkInfoOperation",
      "listPartnerApplicationsOperation",
      "listPartnersOperation",
      "rejectPartnerApplicationOperation",
      "retrievePartnerAnalyticsOperation",
      "retrievePartnerLinksOperation",
      "upsertPartnerLinkOperation",
    ]);
    expect(namedTypes.length).toBeGreaterThan(15);
  });

  it.each(operations.map((symbol) => [symbol.getName(), symbol] as const))(
    "documents every field of %s's request and response",
    (name, symbol) => {
      const type = checker.getTypeOfSymbol(resolved(symbol)) as ts.TypeReference;
      const [input, output] = checker.getTypeArguments(type);
      if (!input || !output) throw new Error(`${name} is not an Operation<Input, Output>`);
      const { walk, visited, missing } = walker(checker);
      walk(input, "request");
      walk(output, "response");
      expect(visited.length).toBeGreaterThan(1);
      expect(missing).toEqual([]);
    },
  );

  it("documents every field of every exported request, query and response type", () => {
    const { walk, visited, missing } = walker(checker);
    for (const symbol of namedTypes)
      walk(checker.getDeclaredTypeOfSymbol(resolved(symbol)), symbol.getName());
    expect(visited.length).toBeGreaterThan(150);
    expect(missing).toEqual([]);
  });

  it("notices a field without documentation, nested in objects and arrays", () => {
    const text = [
      "export type T = {",
      "  /** Documented. */",
      "  a: string;",
      "  b?: { c: number }[] | null;",
      "  /** @deprecated Use a. */",
      "  d: 1;",
      "};",
    ].join("\n");
    const host = ts.createCompilerHost({});
    const read = host.getSourceFile;
    host.getSourceFile = (file, ...rest) =>
      file === "probe.ts"
        ? ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true)
        : read(file, ...rest);
    const program = ts.createProgram(["probe.ts"], { noEmit: true, types: [], strict: true }, host);
    const probe = program.getTypeChecker();
    const module = probe.getSymbolAtLocation(program.getSourceFile("probe.ts") as ts.SourceFile);
    const alias = module && probe.getExportsOfModule(module)[0];
    if (!alias) throw new Error("the probe did not compile");
    const { walk, visited, missing } = walker(probe);
    walk(probe.getDeclaredTypeOfSymbol(alias), "T");
    expect(visited).toEqual(["T.a", "T.b", "T.b[].c", "T.d"]);
    expect(missing).toEqual(["T.b", "T.b[].c"]);
  });
});
