import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { identifiedClause } from "../../../app/src/migrator/appUser";

describe("migrator: identifiedClause", () => {
    it("uses RDS for MySQL's IAM plugin, with no password, for an IAM login", () => {
        // The MySQL syntax from RDS's "Creating a database account using IAM authentication".
        assert.deepEqual(identifiedClause({ username: "app", iam: true }), { sql: "IDENTIFIED WITH AWSAuthenticationPlugin AS 'RDS'", values: [] });
    });

    it("passes a password as a placeholder value, never inside the SQL text", () => {
        const password = randomBytes(18).toString("base64url");
        const clause = identifiedClause({ username: "app", password });
        assert.equal(clause.sql, "IDENTIFIED BY ?");
        assert.deepEqual(clause.values, [password]);
        assert.ok(!clause.sql.includes(password));
    });
});
