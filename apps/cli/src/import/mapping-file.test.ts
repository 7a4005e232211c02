import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { applyMapFlags, readMappingFile } from "./mapping-file.js";

async function file(text: string): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "dubkit-mapping-")), "export.mapping.json");
  await writeFile(path, text);
  return path;
}

describe("mapping file", () => {
  it("reads columns, separator and encoding", async () => {
    const path = await file(
      JSON.stringify({
        columns: { email: "E-mail", first_name: "Given", "link_props.external_id": "Ref", country: null },
        delimiter: ";",
        encoding: "windows-1252",
      }),
    );
    const mapping = await readMappingFile(path);
    expect([...mapping.columns]).toEqual([
      ["email", "E-mail"],
      ["firstName", "Given"],
      ["linkProps.externalId", "Ref"],
      ["country", null],
    ]);
    expect(mapping).toMatchObject({ delimiter: ";", encoding: "windows-1252" });
  });

  it("names an unknown field and lists the fields", async () => {
    const path = await file('{"columns": {"mail": "E-mail"}}');
    await expect(readMappingFile(path)).rejects.toThrow(/"mail" is not a field \(fields: name, email/);
  });

  it("refuses unknown keys and bad JSON", async () => {
    await expect(readMappingFile(await file('{"cols": {}}'))).rejects.toThrow(/unknown key "cols"/);
    await expect(readMappingFile(await file("{"))).rejects.toThrow(/not JSON/);
  });
});

describe("--map", () => {
  it("overrides the file field by field, and FIELD= means no column", () => {
    const merged = applyMapFlags(new Map([["email", "Mail"]]), [
      "email=E-mail",
      "Tenant ID=Partner Key",
      "name=",
    ]);
    expect([...merged]).toEqual([
      ["email", "E-mail"],
      ["tenantId", "Partner Key"],
      ["name", null],
    ]);
  });

  it("refuses a flag without =", () => {
    expect(() => applyMapFlags(new Map(), ["email"])).toThrow(/expected FIELD=COLUMN/);
  });
});
