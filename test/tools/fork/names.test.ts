import { strict as assert } from "node:assert";
import { nameBudget } from "../../../infra/lib/naming";
import { AWS_REGIONS, awsNameProblems, pulumiNameProblem, regionProblem, stackNameProblem } from "../../../tools/fork/names";

describe("fork: names", () => {
    describe("pulumiNameProblem", () => {
        for (const name of ["globex-billing", "Globex_Billing.v2", "_internal", ".hidden", "a"]) {
            it(`accepts "${name}"`, () => {
                assert.equal(pulumiNameProblem("project", name), undefined);
            });
        }

        for (const [name, why] of [
            ["globex billing", "a space"],
            ["globex/billing", "a slash"],
            ["2globex", "a leading digit"],
            ["-globex", "a leading hyphen"],
            ["globex!", "punctuation"],
        ] as const) {
            it(`refuses "${name}" (${why}), naming the rule and a fix`, () => {
                const problem = pulumiNameProblem("project", name);
                assert.match(problem ?? "", /may only contain letters, digits, hyphens, underscores and periods/);
                assert.match(problem ?? "", new RegExp(`"${name.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")}"`));
                assert.match(problem ?? "", /Fix: e\.g\. "[A-Za-z_.][A-Za-z0-9_.-]*"/);
            });
        }

        it("refuses an empty name and one of 101 characters, accepts 100", () => {
            assert.match(pulumiNameProblem("stack", "") ?? "", /stack name is empty/);
            assert.match(pulumiNameProblem("project", "a".repeat(101)) ?? "", /101 characters long; Pulumi allows at most 100/);
            assert.equal(pulumiNameProblem("project", "a".repeat(100)), undefined);
        });
    });

    describe("stackNameProblem", () => {
        it("refuses the live test's naming pattern, and what Pulumi refuses", () => {
            assert.match(stackNameProblem("qa-live-1") ?? "", /-live-.*live test/);
            assert.match(stackNameProblem("q a") ?? "", /Pulumi refuses stack name "q a"/);
            assert.equal(stackNameProblem("qa"), undefined);
        });
    });

    describe("awsNameProblems", () => {
        it("passes a prefix within the name budget for every stack, refuses one a character over it", () => {
            const budget = nameBudget().length;
            const project = "p".repeat(budget - "-qa".length);
            assert.deepEqual(awsNameProblems(project, ["qa"]), []);
            const problems = awsNameProblems(`${project}x`, ["qa", "q"]);
            assert.equal(problems.length, 1, "only the stack whose prefix is too long");
            assert.match(problems[0]!, new RegExp(`at most ${budget} fit`));
        });

        it("refuses characters an AWS name rule refuses", () => {
            assert.notDeepEqual(awsNameProblems("globex_billing", ["qa"]), []);
        });
    });

    describe("regionProblem", () => {
        it("takes the provider's region list (it holds the regions of every partition)", () => {
            assert.ok(AWS_REGIONS.length > 20);
            for (const region of ["us-east-1", "ap-southeast-2", "eu-central-1"]) {
                assert.ok(AWS_REGIONS.includes(region), region);
                assert.equal(regionProblem(region), undefined);
            }
        });

        it("refuses a region that does not exist and suggests the nearest ones", () => {
            const problem = regionProblem("ap-southeast-9") ?? "";
            assert.match(problem, /"ap-southeast-9" is not an AWS region/);
            assert.match(problem, /Did you mean "ap-southeast-\d"/);
            assert.match(regionProblem("europe") ?? "", /Fix: one of .*us-east-1/);
            assert.doesNotMatch(regionProblem("europe") ?? "", /Did you mean/);
        });
    });
});
