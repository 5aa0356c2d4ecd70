/**
 * The names the program builds, and how long and of which characters `<project>-<stack>` may be.
 *
 * Logical names are short and by role (`api-role`), the same in every stack. Pulumi's autonaming
 * pattern (AUTONAMING_PATTERN in ./physicalNames.ts, set in Pulumi.yaml) puts `<project>-<stack>-` in
 * front of every physical name Pulumi makes and 7 random characters after it; the few names the
 * program sets itself start with the same prefix (`physicalPrefix`). docs/naming.md says why each
 * explicit name is explicit and what renaming the project or a stack does.
 *
 * Pulumi allows project and stack names of up to 100 characters of [A-Za-z0-9_.-]; AWS allows far
 * less in some names (IAM role names: 64 characters; RDS identifiers: lower-case letters, digits and
 * single hyphens). Checking that at config time refuses a fork's name before any resource is planned,
 * with the limit and the fix in the message. The limits are the naming rules (./nameRules.ts, which
 * the preflight in tools/ checks planned names against too); this file only knows which names the
 * program builds.
 */
import * as pulumi from "@pulumi/pulumi";
import { NAME_RULES, type NameSpec } from "./nameRules";
import { T } from "./resourceTypes";
import { nameProblems, physicalName, type NamedResource, type StackNames } from "./physicalNames";

/**
 * `<project>-<stack>` of the running stack: the start of the names the program sets itself, where the
 * service takes no autonamed name (a dashboard) or a convention wants a path (log groups).
 */
export function physicalPrefix(): string {
    return `${pulumi.getProject()}-${pulumi.getStack()}`;
}

/** Stands for `<project>-<stack>` in the explicit names below. */
export const NAME = "{name}";

/** A resource the program names: its type, its logical name, and the explicit name inputs it sets. */
export interface ProgramName {
    readonly type: string;
    readonly logical: string;
    /** Explicit physical names, with NAME for `<project>-<stack>`; random parts the program adds are `0`s. */
    readonly inputs?: Readonly<Record<string, string>>;
}

const named = (type: string, logicals: readonly string[]): ProgramName[] => logicals.map((logical) => ({ type, logical }));

/**
 * Every resource of a type with naming rules that the program creates, by logical name, with the
 * explicit names it gives (the others are autonamed). A test checks that the plans contain no named
 * resource missing here.
 */
export const PROGRAM_NAMES: readonly ProgramName[] = [
    ...named(T.iamRole, ["proxy-role", "api-role", "migrate-role", "flow-logs-role", "relay-role", "projector-role", "scheduler-role", "readiness-role"]),
    ...named(T.iamRolePolicy, [
        "proxy-read-secret",
        "proxy-db-connect",
        "api-permissions",
        "migrate-permissions",
        "flow-logs-delivery",
        "relay-permissions",
        "projector-permissions",
        "scheduler-invoke",
        "readiness-permissions",
    ]),
    ...named(T.lambdaFunction, ["api-fn", "migrate-fn", "relay-fn", "projector-fn", "readiness-fn"]),
    ...named(T.lambdaPermission, ["invoke-from-api"]),
    { type: T.rdsInstance, logical: "db", inputs: { finalSnapshotIdentifier: `${NAME}-db-final-00000000` } },
    ...named(T.rdsProxy, ["proxy"]),
    ...named(T.rdsParameterGroup, ["mysql8-0", "mysql8-4"]),
    ...named(T.rdsSubnetGroup, ["db-subnets"]),
    ...named(T.securityGroup, ["api-fn", "migrate-fn", "proxy", "db", "endpoint", "relay-fn", "projector-fn", "events-endpoint"].map((role) => `${role}-sg`)),
    ...named(T.kmsAlias, ["key-alias"]),
    ...named(T.secret, ["app-db"]),
    ...named(T.logGroup, ["flow-logs"]),
    ...[
        ["api-logs", `/aws/lambda/${NAME}-api`],
        ["migrate-logs", `/aws/lambda/${NAME}-migrate`],
        ["relay-logs", `/aws/lambda/${NAME}-relay`],
        ["projector-logs", `/aws/lambda/${NAME}-projector`],
        ["readiness-logs", `/aws/lambda/${NAME}-readiness`],
        ["api-access-logs", `/aws/vendedlogs/apigateway/${NAME}`],
    ].map(([logical, name]) => ({ type: T.logGroup, logical: logical!, inputs: { name: name! } })),
    ...named(T.httpApi, ["http-api"]),
    { type: T.stage, logical: "stage", inputs: { name: "$default" } },
    { type: T.dashboard, logical: "dashboard", inputs: { dashboardName: NAME } },
    ...named(T.eventBus, ["orders-bus"]),
    ...named(T.eventRule, ["projector-rule"]),
    ...named(T.schedule, ["relay-schedule"]),
    ...named(T.sqsQueue, ["events-dlq", "projector-queue"]),
];

/** The resources PROGRAM_NAMES describes, with `<project>-<stack>` filled in their explicit names. */
export function programNamedResources(names: StackNames): NamedResource[] {
    const prefix = `${names.project}-${names.stack}`;
    return PROGRAM_NAMES.map((n) => ({
        type: n.type,
        name: n.logical,
        inputs: Object.fromEntries(Object.entries(n.inputs ?? {}).map(([k, v]) => [k, v.split(NAME).join(prefix)])),
    }));
}

/** The name rules of a type. */
function nameSpecs(type: string): NameSpec[] {
    return NAME_RULES.filter((r) => r.types.includes(type));
}

export interface NameBudget {
    /** The most characters `<project>-<stack>` may have. */
    readonly length: number;
    /** The name that sets the budget, `<project>-<stack>` left out and random characters as `x`. */
    readonly limitedBy: string;
    readonly what: string;
    readonly maxLength: number;
}

/**
 * The longest `<project>-<stack>` every name the program builds accepts: for each name, the service's
 * limit minus what Pulumi's autonaming pattern and the program add around the prefix (the logical
 * name, separators, random characters, `alias/`…); the smallest of these.
 */
export function nameBudget(): NameBudget {
    // One-character stand-ins for the project and the stack show where the prefix lands and what surrounds it.
    const names = { project: "\u0001", stack: "\u0002" };
    const marker = `${names.project}-${names.stack}`;
    let best: NameBudget = { length: Number.POSITIVE_INFINITY, limitedBy: "", what: "", maxLength: 0 };
    for (const resource of programNamedResources(names)) {
        for (const spec of nameSpecs(resource.type)) {
            const physical = physicalName(resource, spec, { names });
            // Names that do not contain the prefix (the `$default` stage) do not limit it.
            if (!physical?.value.includes(marker)) {
                continue;
            }
            const around = physical.value.length - marker.length;
            if (spec.maxLength - around < best.length) {
                best = { length: spec.maxLength - around, limitedBy: physical.value.replace(marker, ""), what: spec.what, maxLength: spec.maxLength };
            }
        }
    }
    return best;
}

/**
 * Problems, one per failed naming rule, if `<project>-<stack>` would give any resource of this
 * program a name AWS refuses; empty when it is fine. Each names the limit and what to change.
 */
export function validateNamePrefix(project: string, stack: string): string[] {
    const names = { project, stack };
    const prefix = `${project}-${stack}`;
    const problems: string[] = [];
    const budget = nameBudget();
    if (prefix.length > budget.length) {
        problems.push(
            `project and stack names "${project}" and "${stack}" make the resource name prefix "${prefix}" ${prefix.length} characters long; ` +
                `at most ${budget.length} fit: ${budget.what}s allow ${budget.maxLength} characters and this program adds ` +
                `${budget.maxLength - budget.length} around the prefix ("${budget.limitedBy}", x for Pulumi's random characters). ` +
                `Fix: shorten the project name (Pulumi.yaml) and/or the stack name so "<project>-<stack>" has at most ${budget.length} characters.`,
        );
    }
    // Length is reported once, above; here every other constraint a name breaks, once per rule.
    for (const rule of NAME_RULES) {
        for (const resource of programNamedResources(names).filter((r) => rule.types.includes(r.type))) {
            const physical = physicalName(resource, rule, { names });
            const broken = physical ? nameProblems(physical.value, rule).filter((p) => p.kind !== "length") : [];
            if (physical && broken.length > 0) {
                problems.push(
                    `project and stack names "${project}" and "${stack}" break the ${rule.id} rule: ${rule.what} "${physical.value}" ` +
                        `${broken.map((p) => p.text).join(", and ")}. Fix: rename the project (Pulumi.yaml) or the stack using only ${rule.allowedText}` +
                        `${rule.first ? `, starting with ${rule.first.text}` : ""}${rule.noDoubleHyphen ? ", with no two hyphens in a row and no hyphen at the end" : ""}.`,
                );
                break;
            }
        }
    }
    return problems;
}
