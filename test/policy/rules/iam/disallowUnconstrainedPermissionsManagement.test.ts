import { strict as assert } from "node:assert";
import { disallowUnconstrainedPermissionsManagement as rule } from "../../../../policy/rules/iam/disallowUnconstrainedPermissionsManagement";
import { disallowWildcardResource } from "../../../../policy/rules/iam/disallowWildcardResource";
import { actionFacts, expandActions } from "../../../../policy/lib/iamActions";
import { runPolicy } from "../../../helpers/policy";
import { ACCOUNT, iamPolicy, iamRole, kmsKey, proxyRole, REGION } from "../../../helpers/policyFixtures";

const statement = (Action: unknown, Resource: unknown = "*", extra: Record<string, unknown> = {}) => ({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource, ...extra }] });

/** Every action of the data with its facts, drawn at run time. */
async function catalogue() {
    const out = [];
    for (const action of await expandActions(["*"])) {
        out.push({ action, facts: (await actionFacts(action))! });
    }
    return out;
}

describe("rule: disallow-unconstrained-permissions-management", () => {
    it("passes the blueprint's roles and key policy", async () => {
        for (const resource of [iamRole(), proxyRole(), iamPolicy(), kmsKey()]) {
            assert.deepEqual(await runPolicy(rule, resource), [], resource.type);
        }
    });

    it("reports s3:PutAccountPublicAccessBlock, which takes only \"*\" and so passes disallow-wildcard-resource", async () => {
        const doc = statement("s3:PutAccountPublicAccessBlock");
        assert.deepEqual(await runPolicy(disallowWildcardResource, iamPolicy(doc)), []);
        assert.deepEqual(await runPolicy(rule, iamPolicy(doc)), ['policy statement 0: allows permissions management (s3:PutAccountPublicAccessBlock) on "*"']);
    });

    it("reports a pattern by the permissions-management actions it expands to", async () => {
        const [message] = await runPolicy(rule, iamPolicy(statement("sqs:*", "arn:aws:sqs:*:*:*")));
        assert.match(message!, /^policy statement 0: allows permissions management \(sqs:AddPermission, .*\) on "arn:aws:sqs:\*:\*:\*"$/);
        assert.deepEqual(await runPolicy(rule, iamPolicy(statement("sqs:*", `arn:aws:sqs:${REGION}:${ACCOUNT}:orders-dlq`))), []);
    });

    it("reads NotAction and NotResource as the everything they grant", async () => {
        const notAction = { Version: "2012-10-17", Statement: [{ Effect: "Allow", NotAction: "s3:*", Resource: "*" }] };
        assert.match((await runPolicy(rule, iamPolicy(notAction)))[0]!, /allows permissions management \([\w-]+:\w+, .*, and \d+ more\) on "\*"$/);
        const notResource = { Version: "2012-10-17", Statement: [{ Effect: "Allow", Action: "kms:PutKeyPolicy", NotResource: "arn:aws:kms:*:*:key/protected" }] };
        assert.deepEqual(await runPolicy(rule, iamPolicy(notResource)), ["policy statement 0: allows permissions management (kms:PutKeyPolicy) on every resource but the NotResource ones"]);
    });

    it("accepts actions named in config, by name or pattern", async () => {
        assert.deepEqual(await runPolicy(rule, iamPolicy(statement("logs:PutResourcePolicy")), { allowedActions: ["logs:*ResourcePolicy"] }), []);
    });

    describe("on actions drawn from the whole Service Authorization Reference at run time", () => {
        it("reports every permissions-management action on \"*\" and passes every other action there", async () => {
            const wrong: string[] = [];
            let managing = 0;
            for (const [i, { action, facts }] of (await catalogue()).entries()) {
                const isManaging = facts.accessLevels.includes("Permissions management");
                // All of them where it matters, one in 50 of the rest.
                if (!isManaging && i % 50 !== 0) {
                    continue;
                }
                managing += isManaging ? 1 : 0;
                if ((await runPolicy(rule, iamPolicy(statement(action)))).length !== (isManaging ? 1 : 0)) {
                    wrong.push(`${action} (${facts.accessLevels.join(", ")})`);
                }
            }
            assert.deepEqual(wrong, []);
            assert.ok(managing > 100, "the data holds permissions-management actions");
        });

        it("passes permissions-management actions on a named resource", async () => {
            const named = (await catalogue()).filter(({ facts }) => facts.accessLevels.includes("Permissions management") && !facts.wildcardOnly).filter((_, i) => i % 10 === 0);
            for (const { action } of named) {
                const arn = `arn:aws:${action.split(":")[0]}:${REGION}:${ACCOUNT}:thing/one`;
                assert.deepEqual(await runPolicy(rule, iamPolicy(statement(action, arn))), [], action);
            }
        });
    });
});
