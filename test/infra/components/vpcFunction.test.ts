import { strict as assert } from "node:assert";
import { fixturePlan, fixtureSettings, idOf, ofType, parseDocument, single } from "../../helpers/stackPlan";

const FUNCTION = "aws:lambda/function:Function";

/** The VpcFunction a function belongs to, which names its log group, role and policy: `api-fn` → `api`. */
const owner = (fnName: string) => fnName.replace(/-fn$/, "");

for (const stack of ["small", "hardened"] as const) {
    describe(`component: VpcFunction (${stack})`, () => {
        it("runs every function on Node.js 22 in the isolated subnets, each in a security group of its own (the readiness probe in the API's)", async () => {
            const plan = await fixturePlan(stack);
            // The readiness probe proves the API's path to the proxy, so it takes the API's group (components/readiness.ts).
            const functions = ofType(plan, FUNCTION).filter((fn) => fn.name !== "readiness-fn");
            assert.deepEqual(functions.map((fn) => fn.name).sort(), ["api-fn", "migrate-fn", "projector-fn", "relay-fn"]);
            const groupOf = (name: string) => (single(plan, FUNCTION, name).inputs.vpcConfig as { securityGroupIds: string[] }).securityGroupIds;
            assert.deepEqual(groupOf("readiness-fn"), groupOf("api-fn"));
            const groups = ofType(plan, "aws:ec2/securityGroup:SecurityGroup").map(idOf);
            const used = new Set<string>();
            for (const fn of functions) {
                assert.equal(fn.inputs.runtime, "nodejs22.x");
                assert.equal(fn.inputs.handler, "index.handler");
                const vpc = fn.inputs.vpcConfig as { subnetIds: string[]; securityGroupIds: string[] };
                assert.ok(vpc.subnetIds.every((s) => s.startsWith("subnet-isolated-")));
                assert.equal(vpc.securityGroupIds.length, 1);
                assert.ok(groups.includes(vpc.securityGroupIds[0]!), `${fn.name} is in a group the stack does not manage`);
                assert.ok(!used.has(vpc.securityGroupIds[0]!), `${fn.name} shares its group`);
                used.add(vpc.securityGroupIds[0]!);
            }
        });

        it("hands network interfaces on destroy to the VPC's rule-less default group, which outlives every subnet", async () => {
            const plan = await fixturePlan(stack);
            const defaultGroup = single(plan, "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup");
            const id = idOf(defaultGroup);
            for (const fn of ofType(plan, FUNCTION)) {
                assert.equal(fn.inputs.replaceSecurityGroupsOnDestroy, true);
                assert.deepEqual(fn.inputs.replacementSecurityGroupIds, [id]);
            }
            // A group of the stack's own would be deleted in the same destroy, with the interfaces still in it.
            assert.deepEqual(ofType(plan, "aws:ec2/securityGroup:SecurityGroup").filter((g) => /detached/.test(g.name)), []);
            assert.equal(ofType(plan, "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule").filter((r) => r.inputs.securityGroupId === id).length, 0);
            assert.equal(ofType(plan, "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").filter((r) => r.inputs.securityGroupId === id).length, 0);
        });

        it("leaves Lambda's log-level filter off and has Powertools filter at the stack's log level", async () => {
            const plan = await fixturePlan(stack);
            const level = fixtureSettings(stack).logLevel;
            assert.ok(level);
            for (const fn of ofType(plan, FUNCTION)) {
                const logging = fn.inputs.loggingConfig as { applicationLogLevel?: string; systemLogLevel?: string };
                assert.equal(logging.applicationLogLevel, undefined, fn.name);
                assert.equal(logging.systemLogLevel, undefined, fn.name);
                assert.equal((fn.inputs.environment as { variables: Record<string, string> }).variables.POWERTOOLS_LOG_LEVEL, level);
            }
        });

        it("logs each function to its own /aws/lambda/<project>-<stack>-<name> group with the stack's retention, kept on a rename (Powertools writes the JSON)", async () => {
            const plan = await fixturePlan(stack);
            const retention = Number(fixtureSettings(stack).logRetentionDays);
            for (const fn of ofType(plan, FUNCTION)) {
                const logging = fn.inputs.loggingConfig as { logFormat: string; logGroup: string };
                assert.equal(logging.logFormat, "Text");
                assert.equal(logging.logGroup, `/aws/lambda/${plan.project}-${plan.stack}-${owner(fn.name)}`);
                const group = ofType(plan, "aws:cloudwatch/logGroup:LogGroup").find((g) => g.inputs.name === logging.logGroup);
                assert.ok(group, `${fn.name} logs to a group the stack manages`);
                assert.equal(group!.inputs.retentionInDays, retention);
                assert.deepEqual(group!.options.ignoreChanges, ["name"]);
            }
        });

        it("lets each function write to its own log group only", async () => {
            const plan = await fixturePlan(stack);
            const functions = ofType(plan, FUNCTION);
            assert.ok(functions.length > 0);
            for (const fn of functions) {
                const policy = single(plan, "aws:iam/rolePolicy:RolePolicy", `${owner(fn.name)}-permissions`);
                const logs = parseDocument(policy.inputs.policy).Statement.filter((s) => String(s.Action).includes("logs:"));
                assert.equal(logs.length, 1);
                assert.match(String(logs[0]!.Resource), new RegExp(`log-group:/aws/lambda/${plan.project}-${plan.stack}-${owner(fn.name)}:\\*$`));
            }
        });

        it("trusts only the Lambda service and attaches no managed policy", async () => {
            const plan = await fixturePlan(stack);
            for (const fn of ofType(plan, FUNCTION)) {
                const role = single(plan, "aws:iam/role:Role", `${owner(fn.name)}-role`);
                const trust = parseDocument(role.inputs.assumeRolePolicy);
                assert.deepEqual(trust.Statement[0]!.Principal, { Service: "lambda.amazonaws.com" });
                assert.equal(role.inputs.managedPolicyArns, undefined);
            }
            assert.equal(ofType(plan, "aws:iam/rolePolicyAttachment:RolePolicyAttachment").length, 0);
        });
    });
}
