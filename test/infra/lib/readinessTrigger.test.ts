import { strict as assert } from "node:assert";
import { readinessTrigger, type ReadinessInputs } from "../../../infra/lib/readinessTrigger";

describe("lib: readinessTrigger", () => {
    const baseline: ReadinessInputs = {
        proxyEndpoint: "proxy-1.proxy-abcdefghijkl.example-region.rds.amazonaws.com",
        proxyTargetId: "proxy-1/default/RDS_INSTANCE/db-1",
        databaseResourceId: "db-ABCDEFGHIJKLMNOP",
        appLogin: "iam:app",
        code: "exports.handler = async () => ({ ready: true });",
    };

    it("is stable while nothing changes, so a redeploy does not run the check", () => {
        assert.equal(readinessTrigger(baseline), readinessTrigger({ ...baseline }));
        assert.match(readinessTrigger(baseline), /^[0-9a-f]{64}$/);
    });

    for (const [field, value, why] of [
        ["proxyEndpoint", "proxy-2.proxy-abcdefghijkl.example-region.rds.amazonaws.com", "a new proxy"],
        ["proxyTargetId", "proxy-2/default/RDS_INSTANCE/db-1", "a new registration"],
        ["databaseResourceId", "db-QRSTUVWXYZ012345", "a replaced instance under the same identifier"],
        ["appLogin", "secret-version-2", "a new login"],
        ["code", "exports.handler = async () => ({ ready: 'again' });", "new connection code"],
    ] as const) {
        it(`changes with ${field} (${why})`, () => {
            assert.notEqual(readinessTrigger({ ...baseline, [field]: value }), readinessTrigger(baseline));
        });
    }
});
