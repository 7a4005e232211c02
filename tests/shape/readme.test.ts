// Every published package has a README that ships in its tarball and gives what a new user needs on the page: what
// it is (its name as the title and a paragraph), how to install it, an example, and links onward, every relative
// one pointing at a file or folder of the repository.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { describe, expect, inject, test } from "vitest";

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

describe.concurrent.each(inject("packed"))("$name", ({ name, dir, tarball }) => {
  test("ships a README with a title, an install line, an example and links that resolve", async () => {
    const shipped = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" }).split("\n");
    expect(shipped, `${name}'s tarball has no README.md`).toContain("package/README.md");

    const path = join(dir, "README.md");
    const text = await readFile(path, "utf8");
    const [title, , intro] = text.split("\n");
    expect(title).toBe(`# ${name}`);
    expect(intro?.length ?? 0, "a paragraph says what the package is").toBeGreaterThan(40);
    expect(text).toMatch(new RegExp(`^npm install (-g |--save-dev )?${escapeRegExp(name)}\\b`, "m"));

    const blocks = [...text.matchAll(/^```(\w+)\n([\s\S]*?)^```$/gm)].map(([, lang, body]) => ({
      lang,
      body,
    }));
    const examples = blocks.filter(({ body }) => !/^npm install/.test(body ?? ""));
    expect(examples.length, "an example besides the install line").toBeGreaterThan(0);
    expect(examples.some(({ body }) => (body ?? "").trim().split("\n").length >= 3)).toBe(true);

    const links = [...text.matchAll(/\]\(([^)\s]+)\)/g)].map(([, target]) => target as string);
    expect(links.length, "links onward").toBeGreaterThan(0);
    const broken = links
      .filter((target) => !/^(https?:|mailto:|#)/.test(target))
      .map((target) => target.replace(/#.*$/, ""))
      .filter((target) => !existsSync(join(dirname(path), target)));
    expect(broken, `${name}'s README links to paths that do not exist`).toEqual([]);
  });
});
