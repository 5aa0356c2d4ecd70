import { strict as assert } from "node:assert";
import { proxyResourceId, rdsDbConnectArn, rdsInstanceDbUserArn } from "../../../infra/lib/arn";
import { FIXTURE_ACCOUNT, FIXTURE_PREFIX, FIXTURE_REGION } from "../../helpers/fixtureValues";

describe("lib: arn", () => {
    const proxyArn = `arn:aws:rds:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:db-proxy:prx-0a1b2c3d4e5f67890`;

    it("takes the prx- resource id from a proxy ARN", () => {
        assert.equal(proxyResourceId(proxyArn), "prx-0a1b2c3d4e5f67890");
    });

    it("refuses an ARN that is not a proxy's, such as the instance's", () => {
        assert.throws(() => proxyResourceId(`arn:aws:rds:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:db:orders`), /not an RDS Proxy ARN/);
    });

    it("builds the rds-db:connect resource for one user through one proxy", () => {
        assert.equal(
            rdsDbConnectArn({ partition: "aws", region: FIXTURE_REGION, accountId: FIXTURE_ACCOUNT, proxyArn, dbUser: "app" }),
            `arn:aws:rds-db:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:dbuser:prx-0a1b2c3d4e5f67890/app`,
        );
    });

    it("builds the rds-db:connect resource of end-to-end IAM on the instance's DbiResourceId", () => {
        assert.equal(
            rdsInstanceDbUserArn({ partition: "aws", region: FIXTURE_REGION, accountId: FIXTURE_ACCOUNT, dbResourceId: "db-ABCDEFGHIJKL01234", dbUser: "app" }),
            `arn:aws:rds-db:${FIXTURE_REGION}:${FIXTURE_ACCOUNT}:dbuser:db-ABCDEFGHIJKL01234/app`,
        );
    });

    it("refuses the instance's name or the proxy's id where the DbiResourceId belongs", () => {
        for (const dbResourceId of [`${FIXTURE_PREFIX}-db`, "prx-0a1b2c3d4e5f67890", ""]) {
            assert.throws(
                () => rdsInstanceDbUserArn({ partition: "aws", region: FIXTURE_REGION, accountId: FIXTURE_ACCOUNT, dbResourceId, dbUser: "app" }),
                /not a DB instance resource id/,
            );
        }
    });
});
