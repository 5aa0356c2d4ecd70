import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { repositoryRoot } from "../../tools/plan/run";

/** Markdown without its fenced code blocks: a `#` or a `[x](y)` in a shell example is neither a heading nor a link. */
export function withoutCode(markdown: string): string {
    return markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").replace(/`[^`\n]*`/g, "``");
}

/** The anchors GitHub gives a document's headings: lower case, punctuation dropped, spaces as hyphens, repeats numbered. */
export function headingAnchors(markdown: string): Set<string> {
    const anchors = new Set<string>();
    const seen = new Map<string, number>();
    for (const match of markdown.replace(/^(```|~~~)[^\n]*\n[\s\S]*?^\1[^\n]*$/gm, "").matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
        const slug = match[1]!
            .trim()
            .toLowerCase()
            .replace(/[^\p{L}\p{N}\s_-]/gu, "")
            .replace(/\s/g, "-");
        const n = seen.get(slug) ?? 0;
        seen.set(slug, n + 1);
        anchors.add(n === 0 ? slug : `${slug}-${n}`);
    }
    return anchors;
}

/** The link targets of a document that are not absolute URLs: `[text](target)` and `[text]: target`. */
export function relativeLinks(markdown: string): string[] {
    const text = withoutCode(markdown);
    const inline = [...text.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]!);
    const reference = [...text.matchAll(/^\s*\[[^\]]+\]:\s*(\S+)/gm)].map((m) => m[1]!);
    return [...inline, ...reference].filter((target) => !/^[a-z][a-z0-9+.-]*:/i.test(target));
}

/** README.md and every page under docs/. */
function documents(): string[] {
    const docs = fs
        .readdirSync(path.join(repositoryRoot, "docs"))
        .filter((f) => f.endsWith(".md"))
        .map((f) => path.join("docs", f));
    return ["README.md", ...docs.sort()];
}

describe("docs: links between README.md and docs/", () => {
    it("finds the pages (README.md and docs/*.md)", () => {
        assert.ok(documents().length > 1);
    });

    for (const document of documents()) {
        it(`${document}: every relative link points at an existing file, and at an existing heading when it names one`, () => {
            const markdown = fs.readFileSync(path.join(repositoryRoot, document), "utf8");
            const broken: string[] = [];
            for (const link of relativeLinks(markdown)) {
                const [target, anchor] = link.split("#", 2) as [string, string | undefined];
                const file = target === "" ? path.join(repositoryRoot, document) : path.resolve(path.dirname(path.join(repositoryRoot, document)), decodeURIComponent(target));
                if (!fs.existsSync(file)) {
                    broken.push(`${link}: no such file`);
                } else if (anchor && file.endsWith(".md") && !headingAnchors(fs.readFileSync(file, "utf8")).has(anchor)) {
                    broken.push(`${link}: no heading with that anchor in ${path.relative(repositoryRoot, file)}`);
                }
            }
            assert.deepEqual(broken, [], `${document} has broken links:\n${broken.join("\n")}`);
        });
    }
});

describe("docs: link and anchor helpers", () => {
    it("gives headings GitHub's anchors, numbering repeats", () => {
        const anchors = headingAnchors("# Snapshots: why not a projection\n## The app's tests\n## Running it offline: `npm run policy:check`\n## Notes\n## Notes\n");
        assert.deepEqual([...anchors], ["snapshots-why-not-a-projection", "the-apps-tests", "running-it-offline-npm-run-policycheck", "notes", "notes-1"]);
    });

    it("ignores headings and links inside code blocks and code spans", () => {
        const markdown = "# Title\n```sh\n# not a heading\ncurl [x](nowhere.md)\n```\nsee `[y](nowhere.md)` and [z](docs/a.md#b) and [w](https://example.com)\n";
        assert.deepEqual([...headingAnchors(markdown)], ["title"]);
        assert.deepEqual(relativeLinks(markdown), ["docs/a.md#b"]);
    });

    it("reads reference-style links too", () => {
        assert.deepEqual(relativeLinks("[a][1]\n\n[1]: docs/x.md\n[2]: https://example.com\n"), ["docs/x.md"]);
    });
});
