/**
 * How long and of which characters `<project>-<stack>` may be.
 *
 * Every physical name this program creates starts with `<project>-<stack>` (the `name` in
 * infra/config.ts). Pulumi allows project and stack names of up to 100 characters of
 * [A-Za-z0-9_.-]; AWS allows far less in some names (RDS identifiers: 63 lower-case letters, digits
 * and single hyphens). Checking that at config time refuses a fork's name before any resource is
 * planned, with the limit and the fix in the message. The limits are the naming rules (./nameRules.ts,
 * which the preflight in tools/ checks planned names against too); this file only knows which names
 * the program builds.
 */
import { NAME_RULES, type NameSpec } from "./nameRules";
import { nameProblems, physicalName, type NamedResource } from "./physicalNames";

/** Stands for `<project>-<stack>` in the templates below. */
export const NAME = "{name}";

/**
 * Every physical name the program derives from `<project>-<stack>`, by resource type: the logical
 * name of an auto-named resource, or the value of an explicit name input. Placeholders of random
 * parts the program itself adds (the final snapshot's 8 hex digits) are spelled out as `0`s.
 * A test checks that the committed plans contain no named resource missing here.
 */
export const PROGRAM_NAMES: readonly { readonly type: string; readonly logical: string; readonly inputs?: Readonly<Record<string, string>> }[] = [
    ...["-proxy-role", "-api-role", "-migrate-role", "-flow-logs-role", "-relay-role", "-projector-role", "-scheduler-role"].map((s) => ({
        type: "aws:iam/role:Role",
        logical: `${NAME}${s}`,
    })),
    ...[
        "-proxy-read-secret",
        "-proxy-db-connect",
        "-api-permissions",
        "-migrate-permissions",
        "-flow-logs-delivery",
        "-relay-permissions",
        "-projector-permissions",
        "-scheduler-invoke",
    ].map((s) => ({
        type: "aws:iam/rolePolicy:RolePolicy",
        logical: `${NAME}${s}`,
    })),
    ...["-api-fn", "-migrate-fn", "-relay-fn", "-projector-fn"].map((s) => ({ type: "aws:lambda/function:Function", logical: `${NAME}${s}` })),
    ...["-invoke-from-api", "-invoke-from-rule"].map((s) => ({ type: "aws:lambda/permission:Permission", logical: `${NAME}${s}` })),
    { type: "aws:rds/instance:Instance", logical: `${NAME}-db`, inputs: { finalSnapshotIdentifier: `${NAME}-db-final-00000000` } },
    { type: "aws:rds/proxy:Proxy", logical: `${NAME}-proxy` },
    ...["-mysql8-0", "-mysql8-4"].map((s) => ({ type: "aws:rds/parameterGroup:ParameterGroup", logical: `${NAME}${s}` })),
    { type: "aws:rds/subnetGroup:SubnetGroup", logical: `${NAME}-db-subnets` },
    ...["-api-fn-sg", "-migrate-fn-sg", "-proxy-sg", "-db-sg", "-endpoint-sg", "-relay-fn-sg", "-projector-fn-sg", "-events-endpoint-sg"].map((s) => ({
        type: "aws:ec2/securityGroup:SecurityGroup",
        logical: `${NAME}${s}`,
    })),
    { type: "aws:kms/alias:Alias", logical: `${NAME}-key-alias`, inputs: { namePrefix: `alias/${NAME}-` } },
    { type: "aws:secretsmanager/secret:Secret", logical: `${NAME}-app-db` },
    { type: "aws:cloudwatch/logGroup:LogGroup", logical: `${NAME}-flow-logs` },
    ...[
        ["-api-logs", `/aws/lambda/${NAME}-api`],
        ["-migrate-logs", `/aws/lambda/${NAME}-migrate`],
        ["-relay-logs", `/aws/lambda/${NAME}-relay`],
        ["-projector-logs", `/aws/lambda/${NAME}-projector`],
        ["-api-access-logs", `/aws/apigateway/${NAME}`],
    ].map(([logical, name]) => ({ type: "aws:cloudwatch/logGroup:LogGroup", logical: `${NAME}${logical}`, inputs: { name: name! } })),
    { type: "aws:apigatewayv2/api:Api", logical: `${NAME}-http-api` },
    { type: "aws:cloudwatch/eventBus:EventBus", logical: `${NAME}-orders-bus` },
    { type: "aws:cloudwatch/eventRule:EventRule", logical: `${NAME}-projector-rule` },
    { type: "aws:scheduler/schedule:Schedule", logical: `${NAME}-relay-schedule` },
    { type: "aws:sqs/queue:Queue", logical: `${NAME}-events-dlq` },
    { type: "aws:apigatewayv2/stage:Stage", logical: `${NAME}-stage`, inputs: { name: "$default" } },
];

/** The resources the templates describe, for a given `<project>-<stack>`. */
export function programNamedResources(prefix: string): NamedResource[] {
    const fill = (template: string) => template.split(NAME).join(prefix);
    return PROGRAM_NAMES.map((n) => ({
        type: n.type,
        name: fill(n.logical),
        inputs: Object.fromEntries(Object.entries(n.inputs ?? {}).map(([k, v]) => [k, fill(v)])),
    }));
}

/** The name rule of a type, if any. */
function nameSpecs(type: string): NameSpec[] {
    return NAME_RULES.filter((r) => r.types.includes(type));
}

/**
 * The longest `<project>-<stack>` every name the program builds accepts: for each name, the
 * service's limit minus what the program and Pulumi add around the prefix (suffix, random
 * characters, `alias/`…); the smallest of these.
 */
export function nameBudget(): { readonly length: number; readonly limitedBy: string; readonly what: string; readonly maxLength: number } {
    // A one-character stand-in for the prefix shows where it lands and what surrounds it.
    const marker = "\u0001";
    let best = { length: Number.POSITIVE_INFINITY, limitedBy: "", what: "", maxLength: 0 };
    for (const resource of programNamedResources(marker)) {
        for (const spec of nameSpecs(resource.type)) {
            const physical = physicalName(resource, spec);
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
        for (const resource of programNamedResources(prefix).filter((r) => rule.types.includes(r.type))) {
            const physical = physicalName(resource, rule);
            const broken = physical ? nameProblems(physical.value, rule).filter((p) => p.kind !== "length") : [];
            if (physical && broken.length > 0) {
                const spec = rule;
                problems.push(
                    `project and stack names "${project}" and "${stack}" break the ${rule.id} rule: ${spec.what} "${physical.value}" ` +
                        `${broken.map((p) => p.text).join(", and ")}. Fix: rename the project (Pulumi.yaml) or the stack using only ${spec.allowedText}` +
                        `${spec.first ? `, starting with ${spec.first.text}` : ""}${spec.noDoubleHyphen ? ", with no two hyphens in a row and no hyphen at the end" : ""}.`,
                );
                break;
            }
        }
    }
    return problems;
}
