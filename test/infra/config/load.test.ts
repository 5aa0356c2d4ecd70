import { strict as assert } from "node:assert";
import * as pulumi from "@pulumi/pulumi";
import { ConfigError } from "../../../infra/config";
import { settingValue } from "../../../infra/config/parse";
import { setting } from "../../../infra/config/setting";
import { planStack, projectName } from "../../../tools/plan/run";
import { fixtureRoot } from "../../helpers/stackPlan";
import { z } from "zod";

const project = projectName(fixtureRoot);

describe("config/load: secretness (loadConfig under mocks)", () => {
    it("refuses a setting the user set with --secret that the blueprint reads in plain text, never showing its value", async () => {
        const value = `oncall-${Date.now()}@example.com`;
        await assert.rejects(
            planStack("small", { root: fixtureRoot, overrides: { [`${project}:alarmEmail`]: value }, secretKeys: [`${project}:alarmEmail`] }),
            (err: Error) => {
                assert.ok(err instanceof ConfigError, String(err));
                assert.equal(err.problems.length, 1, err.message);
                assert.match(err.problems[0]!, new RegExp(`^${project}:alarmEmail is set as a secret, but the blueprint reads it in plain text`));
                assert.match(err.problems[0]!, /Fix: pulumi config set .*:alarmEmail <value> --stack small \(without --secret\), or declare it secret: true in infra\/config\/settings\.ts$/);
                assert.ok(!err.message.includes(value), "the secret's value must not be printed");
                return true;
            },
        );
    });

    it("plans the same setting set in plain text", async () => {
        const plan = await planStack("small", { root: fixtureRoot, overrides: { [`${project}:alarmEmail`]: "oncall@example.com" } });
        assert.ok(plan.resources.some((r) => r.type === "aws:sns/topicSubscription:TopicSubscription" && r.inputs.endpoint === "oncall@example.com"));
    });

    it("hands a setting declared secret: true over as a secret Output, and others as plain values", async () => {
        const token = setting({ group: "stack", field: "token", schema: z.string(), default: "", accepts: "a token", description: "A token.", secret: true });
        const wrapped = settingValue(token, "s3cr3t") as pulumi.Output<string>;
        assert.ok(pulumi.Output.isInstance(wrapped));
        assert.equal(await pulumi.isSecret(wrapped), true);
        const plain = setting({ group: "stack", field: "count", schema: z.int(), default: 1, accepts: "a number", description: "A number." });
        assert.equal(settingValue(plain, 3), 3);
    });
});
