import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { addStackToWorkflow } from "../../../tools/fork/workflows";

const STACKS = ["staging", "live"];

const WORKFLOW = `on:
  workflow_dispatch:
    inputs:
      stack:
        type: choice
        options: [staging, live] # the stacks
      region:
        options: [us-west-2, eu-north-1]
jobs:
  plan:
    strategy:
      matrix:
        stack:
          - staging
          - live
        node: [20, 22]
  preview:
    strategy:
      matrix:
        include:
          - stack: staging
            role: STAGING_ROLE
          - stack: live
            role: LIVE_ROLE
`;

describe("fork: workflows", () => {
    it("adds the stack to the flow and block stack lists, written as each is written", () => {
        const edit = addStackToWorkflow(WORKFLOW, "qa", STACKS, "ci.yml");
        const doc = parse(edit.text) as any;
        assert.deepEqual(doc.on.workflow_dispatch.inputs.stack.options, ["staging", "live", "qa"]);
        assert.deepEqual(doc.jobs.plan.strategy.matrix.stack, ["staging", "live", "qa"]);
        assert.match(edit.text, /options: \[staging, live, qa\] # the stacks\n/);
        assert.match(edit.text, /\n {10}- live\n {10}- qa\n {8}node:/);
    });

    it("leaves lists that are not stack lists alone", () => {
        const doc = parse(addStackToWorkflow(WORKFLOW, "qa", STACKS, "ci.yml").text) as any;
        assert.deepEqual(doc.on.workflow_dispatch.inputs.region.options, ["us-west-2", "eu-north-1"]);
        assert.deepEqual(doc.jobs.plan.strategy.matrix.node, [20, 22]);
    });

    it("leaves an include matrix with a value per stack to the user, saying where and what", () => {
        const edit = addStackToWorkflow(WORKFLOW, "qa", STACKS, "ci.yml");
        assert.equal((parse(edit.text) as any).jobs.preview.strategy.matrix.include.length, 2);
        assert.deepEqual(edit.notes, [
            "ci.yml: jobs.preview.strategy.matrix.include gives each of staging, live its own role; add an entry for qa by hand if it belongs there, with its own role.",
        ]);
    });

    it("changes nothing when the stack is listed already, or the workflow lists no stacks", () => {
        const once = addStackToWorkflow(WORKFLOW, "qa", STACKS, "ci.yml").text;
        assert.equal(addStackToWorkflow(once, "qa", [...STACKS, "qa"], "ci.yml").text, once);
        const plain = "jobs:\n  test:\n    runs-on: ubuntu-24.04\n";
        assert.deepEqual(addStackToWorkflow(plain, "qa", STACKS, "ci.yml"), { text: plain, notes: [] });
    });

    it("reports a workflow it cannot read instead of editing it", () => {
        const edit = addStackToWorkflow("jobs: [\n", "qa", STACKS, "broken.yml");
        assert.equal(edit.text, "jobs: [\n");
        assert.match(edit.notes[0]!, /broken\.yml: not valid YAML/);
    });
});
