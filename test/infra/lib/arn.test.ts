import { strict as assert } from "node:assert";
import { proxyResourceId, rdsDbConnectArn, rdsInstanceDbUserArn } from "../../../infra/lib/arn";

describe("lib: arn", () => {
    const proxyArn = "arn:aws:rds:eu-west-1:123456789012:db-proxy:prx-0a1b2c3d4e5f67890";

    it("takes the prx- resource id from a proxy ARN", () => {
        assert.equal(proxyResourceId(proxyArn), "prx-0a1b2c3d4e5f67890");
    });

    it("refuses an ARN that is not a proxy's, such as the instance's", () => {
        assert.throws(() => proxyResourceId("arn:aws:rds:eu-west-1:123456789012:db:orders"), /not an RDS Proxy ARN/);
    });

    it("builds the rds-db:connect resource for one user through one proxy", () => {
        assert.equal(
            rdsDbConnectArn({ partition: "aws", region: "eu-west-1", accountId: "123456789012", proxyArn, dbUser: "app" }),
            "arn:aws:rds-db:eu-west-1:123456789012:dbuser:prx-0a1b2c3d4e5f67890/app",
        );
    });

    it("builds the rds-db:connect resource of end-to-end IAM on the instance's DbiResourceId", () => {
        assert.equal(
            rdsInstanceDbUserArn({ partition: "aws", region: "eu-west-1", accountId: "123456789012", dbResourceId: "db-ABCDEFGHIJKL01234", dbUser: "app" }),
            "arn:aws:rds-db:eu-west-1:123456789012:dbuser:db-ABCDEFGHIJKL01234/app",
        );
    });

    it("refuses the instance's name or the proxy's id where the DbiResourceId belongs", () => {
        for (const dbResourceId of ["serverless-mysql-dev-db", "prx-0a1b2c3d4e5f67890", ""]) {
            assert.throws(
                () => rdsInstanceDbUserArn({ partition: "aws", region: "eu-west-1", accountId: "123456789012", dbResourceId, dbUser: "app" }),
                /not a DB instance resource id/,
            );
        }
    });
});
