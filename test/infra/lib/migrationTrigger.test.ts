import { strict as assert } from "node:assert";
import { MigrationInputs, migrationTrigger } from "../../../infra/lib/migrationTrigger";

describe("lib: migrationTrigger", () => {
    const baseline: MigrationInputs = {
        migrations: "sql-hash-1",
        code: "exports.handler = async () => ({});",
        appLogin: "version-1",
        databaseResourceId: "db-ABCDEFGHIJKLMNOP",
    };

    it("is stable while nothing changes", () => {
        assert.equal(migrationTrigger(baseline), migrationTrigger({ ...baseline }));
        assert.match(migrationTrigger(baseline), /^[0-9a-f]{64}$/);
    });

    for (const [field, value] of [
        ["migrations", "sql-hash-2"],
        ["code", "exports.handler = async () => ({ changed: true });"],
        ["appLogin", "iam:app"],
        ["databaseResourceId", "db-QRSTUVWXYZ012345"],
    ] as const) {
        it(`changes when ${field} changes`, () => {
            assert.notEqual(migrationTrigger({ ...baseline, [field]: value }), migrationTrigger(baseline));
        });
    }
});
