import { strict as assert } from "node:assert";
import { changedOperations, describeChanges, type StepEvent } from "../../../tools/live/changes";
import { FIXTURE_PREFIX, FIXTURE_PROJECT, FIXTURE_STACK } from "../../helpers/fixtureValues";

const step = (op: string, name: string, type: string, diffs?: string[]): StepEvent => ({
    resourcePreEvent: { metadata: { op, type, urn: `urn:pulumi:${FIXTURE_STACK}-live-abc123::${FIXTURE_PROJECT}::${type}::${name}`, diffs } },
});

describe("live: changes", () => {
    it("counts every operation but same as a change", () => {
        assert.deepEqual(changedOperations({ same: 40 }), {});
        assert.deepEqual(changedOperations({ same: 40, update: 0 }), {});
        assert.deepEqual(changedOperations({ same: 38, update: 1, "create-replacement": 1, read: 2 }), { update: 1, "create-replacement": 1, read: 2 });
    });

    it("lists the resources that would change with the properties that differ, and not the unchanged ones", () => {
        const events: StepEvent[] = [
            step("same", `${FIXTURE_PREFIX}-db`, "aws:rds/instance:Instance"),
            step("update", `${FIXTURE_PREFIX}-api`, "aws:lambda/function:Function", ["code", "sourceCodeHash"]),
            step("replace", `${FIXTURE_PREFIX}-migrate-run`, "aws:lambda/invocation:Invocation"),
            {},
        ];
        assert.deepEqual(describeChanges(events), [
            `update aws:lambda/function:Function ${FIXTURE_PREFIX}-api [code, sourceCodeHash]`,
            `replace aws:lambda/invocation:Invocation ${FIXTURE_PREFIX}-migrate-run`,
        ]);
    });
});
