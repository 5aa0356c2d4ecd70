import { strict as assert } from "node:assert";
import { MYSQL_INSTANCE_CLASS_TYPES, instanceClassProblem } from "../../../infra/lib/instanceClasses";
import { SETTINGS } from "../../../infra/config/settings";

describe("lib: instanceClasses", () => {
    it("accepts every listed type at the sizes RDS names, burstable ones from micro, the others from large", () => {
        for (const type of MYSQL_INSTANCE_CLASS_TYPES.filter((t) => t !== "c6gd")) {
            const sizes = /^t\d/.test(type) ? ["micro", "small", "medium", "large", "2xlarge"] : ["large", "xlarge", "16xlarge", "48xlarge"];
            for (const size of sizes) {
                assert.equal(instanceClassProblem(`db.${type}.${size}`), undefined, `db.${type}.${size}`);
            }
        }
    });

    it("accepts the blueprint's default class", () => {
        assert.equal(instanceClassProblem(SETTINGS.dbInstanceClass.default), undefined);
    });

    it("refuses a mistyped type with the one meant", () => {
        const problem = instanceClassProblem("db.t4q.micro") ?? "";
        assert.match(problem, /"db\.t4q" is not a DB instance class type RDS for MySQL offers \(did you mean db\.t4g\.micro\?\)/);
        assert.match(problem, /add it to infra\/lib\/instanceClasses\.ts/);
    });

    it("refuses a type RDS does not offer, a size that does not exist, and a small size of a non-burstable type", () => {
        assert.match(instanceClassProblem("db.q9.large") ?? "", /"db\.q9" is not a DB instance class type/);
        assert.match(instanceClassProblem("db.t4g.tiny") ?? "", /"tiny" is not an instance size/);
        assert.match(instanceClassProblem("db.m7g.micro") ?? "", /db\.m7g has no micro size/);
        assert.match(instanceClassProblem("db.c6gd.large") ?? "", /Multi-AZ DB clusters only/);
        assert.match(instanceClassProblem("t4g.micro") ?? "", /db\.<type>\.<size>/);
    });
});
