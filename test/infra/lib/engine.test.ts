import { strict as assert } from "node:assert";
import { autoMinorVersionUpgrade, mysqlMajor, parameterGroupFamily, proxyClientPasswordAuthType, supportsPerformanceInsights } from "../../../infra/lib/engine";

describe("lib: engine", () => {
    it("derives the parameter group family from the major version", () => {
        assert.equal(parameterGroupFamily("8.4"), "mysql8.4");
        assert.equal(parameterGroupFamily("8.0.40"), "mysql8.0");
    });

    it("refuses versions RDS Proxy does not support", () => {
        assert.equal(mysqlMajor("5.6.51"), undefined);
        assert.equal(mysqlMajor("8"), undefined);
        assert.equal(mysqlMajor("8.4.x"), undefined);
        assert.throws(() => parameterGroupFamily("9.1"), /unsupported MySQL engine version "9.1"/);
    });

    it("knows that micro and small burstable classes have no Performance Insights", () => {
        assert.equal(supportsPerformanceInsights("db.t4g.micro"), false);
        assert.equal(supportsPerformanceInsights("db.t3.small"), false);
        assert.equal(supportsPerformanceInsights("db.t4g.medium"), true);
        assert.equal(supportsPerformanceInsights("db.m7g.large"), true);
    });

    it("has 8.4 proxies authenticate clients with caching_sha2_password and 8.0 proxies with the native plugin", () => {
        assert.equal(proxyClientPasswordAuthType("8.4"), "MYSQL_CACHING_SHA2_PASSWORD");
        assert.equal(proxyClientPasswordAuthType("8.4.6"), "MYSQL_CACHING_SHA2_PASSWORD");
        assert.equal(proxyClientPasswordAuthType("8.0.40"), "MYSQL_NATIVE_PASSWORD");
    });

    it("lets RDS apply minor upgrades only when the stack names a major version, never under a pinned minor", () => {
        assert.equal(autoMinorVersionUpgrade("8.4"), true);
        assert.equal(autoMinorVersionUpgrade("8.0"), true);
        assert.equal(autoMinorVersionUpgrade("8.4.6"), false);
        assert.equal(autoMinorVersionUpgrade("8.0.40"), false);
    });
});
