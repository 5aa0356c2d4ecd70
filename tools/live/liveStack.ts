import { LiveUsageError } from "./errors";

/**
 * The name of the stack a live run creates from a committed one: `<stack>-live-<suffix>`.
 *
 * Why not run the committed stack itself (`dev`)?
 * - With a passphrase secrets provider, `pulumi stack init` writes `encryptionsalt` into
 *   `Pulumi.<stack>.yaml`, and `pulumi config set` rewrites it: a live run of `dev` would modify the
 *   committed `Pulumi.dev.yaml`. A distinct name gets its own settings file, created and deleted
 *   by the run (and matched by .gitignore should a run be killed).
 * - Physical names derive from `<project>-<stack>` (infra/config.ts): a KMS alias, log groups and
 *   Lambda function names are explicit. Under its own name a live run can share an account and
 *   region with a deployed `dev` without colliding with it, and two runs cannot collide either.
 * - Running in a temporary copy of the project instead would need the program, its node_modules
 *   and tsconfig next to a copied Pulumi.yaml (`main` is resolved against the project directory).
 * The suffix is short: `<project>-<stack>` prefixes resource names with length limits (the budget
 * is derived in infra/lib/naming.ts; settings.ts checks the live name against it), and RDS names
 * refuse `--` and upper case.
 */
export function liveStackName(stack: string, suffix: string): string {
    if (!/^[a-z0-9]{4,8}$/.test(suffix)) {
        throw new LiveUsageError(`the live stack suffix must be 4 to 8 lower-case letters or digits (got ${JSON.stringify(suffix)})`);
    }
    if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(stack)) {
        throw new LiveUsageError(`--stack must be a stack name such as dev or prod (got ${JSON.stringify(stack)})`);
    }
    return `${stack}-live-${suffix}`;
}

/** A config map as the Automation API's setAllConfig takes it. */
export type ConfigMap = Record<string, { value: string; secret: boolean }>;

/**
 * The committed stack's config (as `stackConfig` reads it: strings, structured values
 * JSON-encoded) for the live stack. Secret values cannot be copied: they are encrypted with the
 * committed stack's key, which the live stack does not have.
 */
export function liveStackConfig(stack: string, config: Readonly<Record<string, string>>): ConfigMap {
    const map: ConfigMap = {};
    for (const [key, value] of Object.entries(config)) {
        if (isSecure(value)) {
            throw new LiveUsageError(
                `${key} in Pulumi.${stack}.yaml is a secret; the live test cannot copy encrypted values into its own stack. ` +
                    "Provide the value another way (for example an ESC environment) or remove it for the live run.",
            );
        }
        map[key] = { value, secret: false };
    }
    return map;
}

function isSecure(value: string): boolean {
    try {
        const parsed: unknown = JSON.parse(value);
        return typeof parsed === "object" && parsed !== null && "secure" in parsed;
    } catch {
        return false;
    }
}

/** A resource as `pulumi stack export` lists it. */
export interface StateResource {
    readonly urn: string;
    readonly type: string;
    readonly outputs?: Readonly<Record<string, unknown>>;
    /** Set when the program asked Pulumi to forget the resource on destroy instead of deleting it. */
    readonly retainOnDelete?: boolean;
}

export interface DestroyPreparation {
    /** Config values to set on the live stack before a targeted `up`. */
    readonly config: ConfigMap;
    /** The URNs that `up` targets: only the guarded resources, nothing else is touched. */
    readonly targets: readonly string[];
    /** What is lifted, one line per resource, for the log. */
    readonly changes: readonly string[];
}

const DB_INSTANCE = "aws:rds/instance:Instance";

const nameOf = (resource: StateResource) => resource.urn.split("::").pop() ?? resource.urn;

/** What on an RDS instance would block its deletion or outlive it. */
function instanceGuards(resource: StateResource): string[] {
    const outputs = resource.outputs ?? {};
    return [
        ...(outputs.deletionProtection === true ? ["deletion protection off"] : []),
        ...(outputs.skipFinalSnapshot === false ? ["no final snapshot"] : []),
        ...(outputs.deleteAutomatedBackups === false ? ["automated backups deleted with it"] : []),
    ];
}

/**
 * What stands between `pulumi destroy` and an account left as it was, read from the stack's state
 * (not its config, so that a half-finished `up` is covered too). With prod's settings:
 * - the RDS instance has deletion protection: destroy fails;
 * - it takes a final snapshot and keeps its automated backups: both cost storage after the run;
 * - the KMS key and its alias are `retainOnDelete` (kept for that snapshot): destroy only forgets
 *   them, and the key costs $1 a month.
 * All follow from `dbDeletionProtection` and `dbFinalSnapshot`, and `skipFinalSnapshot` and
 * `retainOnDelete` live only in Pulumi's state, so the fix is an `up` of those resources alone
 * with both settings off. That `up` runs without the policy pack: prod's pack requires deletion
 * protection, by design. `dbApplyImmediately` is set too, so the change does not wait for the
 * maintenance window.
 */
export function destroyPreparation(project: string, resources: readonly StateResource[]): DestroyPreparation | undefined {
    const instances = resources.filter((r) => r.type === DB_INSTANCE && instanceGuards(r).length > 0);
    const retained = resources.filter((r) => r.retainOnDelete === true && !instances.includes(r));
    if (instances.length === 0 && retained.length === 0) {
        return undefined;
    }
    const setting = (value: string) => ({ value, secret: false });
    return {
        config: {
            [`${project}:dbDeletionProtection`]: setting("false"),
            [`${project}:dbFinalSnapshot`]: setting("false"),
            [`${project}:dbApplyImmediately`]: setting("true"),
        },
        targets: [...instances, ...retained].map((r) => r.urn),
        changes: [
            ...instances.map((r) => `${nameOf(r)}: ${instanceGuards(r).join(", ")}`),
            ...retained.map((r) => `${nameOf(r)}: deleted by destroy instead of kept`),
        ],
    };
}

/** Resources destroy would leave in the account (retainOnDelete), by name. */
export function retainedResources(resources: readonly StateResource[]): string[] {
    return resources.filter((r) => r.retainOnDelete === true).map(nameOf);
}
