/**
 * `npm run policy:check -- <resources.json> [--config <policy-config.json>]`
 *
 * Lives with the tools, not in the pack: it reads a file and prints a report, and the pack that
 * `pulumi preview --policy-pack policy` loads has no use for it.
 *
 * Evaluates the policy pack against a JSON list of resources
 * (`[{ "type": "aws:lambda/function:Function", "name": "api", "props": { ... } }]`) and prints
 * `[{ policy, resource, message, enforcementLevel }]` on stdout.
 * Exit codes: 0 no mandatory violation, 1 at least one, 2 unreadable or invalid input or config.
 */
import * as fs from "node:fs";
import { z } from "zod";
import { evaluateResources, PolicyConfig, PolicyConfigError } from "../../policy/evaluate";

const LEVEL = z.enum(["advisory", "mandatory", "remediate", "disabled"]);

const ResourcesSchema = z.array(
    z.object({
        type: z.string().regex(/^[^:]+:[^:]+:[^:]+$/, "a Pulumi type token such as aws:lambda/function:Function"),
        name: z.string().min(1),
        props: z.record(z.string(), z.unknown()),
        urn: z.string().optional(),
        dependsOn: z.array(z.string()).optional(),
    }),
);

const ConfigSchema = z.record(z.string(), z.union([LEVEL, z.object({ enforcementLevel: LEVEL.optional() }).catchall(z.unknown())]));

class InputError extends Error {
    constructor(message: string) {
        super(message);
        this.name = "InputError";
    }
}

function readJson(path: string, what: string): unknown {
    let text: string;
    try {
        text = fs.readFileSync(path, "utf8");
    } catch (e) {
        throw new InputError(`cannot read ${what} ${path}: ${(e as Error).message}`);
    }
    try {
        return JSON.parse(text);
    } catch (e) {
        throw new InputError(`${what} ${path} is not valid JSON: ${(e as Error).message}`);
    }
}

function parse<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
    const result = schema.safeParse(value);
    if (!result.success) {
        const issues = result.error.issues.map((i) => `  at ${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`);
        throw new InputError(`${what} is invalid:\n${issues.join("\n")}`);
    }
    return result.data;
}

function parseArgs(argv: readonly string[]): { file: string; configFile?: string } {
    const usage = "usage: npm run policy:check -- <resources.json> [--config <policy-config.json>]";
    let file: string | undefined;
    let configFile: string | undefined;
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i]!;
        if (arg === "--config") {
            configFile = argv[++i];
            if (configFile === undefined) {
                throw new InputError(`--config needs a file\n${usage}`);
            }
        } else if (arg.startsWith("--config=")) {
            configFile = arg.slice("--config=".length);
        } else if (arg.startsWith("-")) {
            throw new InputError(`unknown option ${arg}\n${usage}`);
        } else if (file === undefined) {
            file = arg;
        } else {
            throw new InputError(`only one resources file is accepted\n${usage}`);
        }
    }
    if (file === undefined) {
        throw new InputError(`missing the resources file\n${usage}`);
    }
    return { file, configFile };
}

/** Where the CLI writes; tests pass their own and call it in-process. */
export interface CheckOutput {
    readonly stdout: (text: string) => void;
    readonly stderr: (text: string) => void;
}

const processOutput: CheckOutput = { stdout: (text) => process.stdout.write(text), stderr: (text) => process.stderr.write(text) };

export async function main(argv: readonly string[], out: CheckOutput = processOutput): Promise<number> {
    try {
        const { file, configFile } = parseArgs(argv);
        const resources = parse(ResourcesSchema, readJson(file, "resources file"), `resources file ${file}`);
        const config = configFile === undefined ? undefined : (parse(ConfigSchema, readJson(configFile, "config file"), `config file ${configFile}`) as PolicyConfig);
        const violations = await evaluateResources(resources, { config });
        out.stdout(`${JSON.stringify(violations, null, 2)}\n`);
        return violations.some((v) => v.enforcementLevel === "mandatory") ? 1 : 0;
    } catch (e) {
        if (e instanceof InputError || e instanceof PolicyConfigError) {
            out.stderr(`policy:check: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
}

if (require.main === module) {
    main(process.argv.slice(2)).then(
        (code) => {
            process.exitCode = code;
        },
        (e: unknown) => {
            process.stderr.write(`policy:check: internal error: ${(e as Error).stack ?? String(e)}\n`);
            process.exitCode = 3;
        },
    );
}
