import { strict as assert } from "node:assert";
import { revocationsFor, type HeldPrivilege } from "../../../app/src/migrator/extraPrivileges";

const wanted = [
    { schema: "orders", table: "events", privilege: "SELECT" },
    { schema: "orders", table: "events", privilege: "INSERT" },
];
// What a freshly created app user holds: USAGE globally and the wanted table privileges.
const baseline: HeldPrivilege[] = [
    { privilege: "USAGE", grantable: false },
    { schema: "orders", table: "events", privilege: "SELECT", grantable: false },
    { schema: "orders", table: "events", privilege: "INSERT", grantable: false },
];

describe("migrator: revocationsFor", () => {
    it("revokes nothing from a user that holds exactly the wanted privileges", () => {
        assert.deepEqual(revocationsFor(baseline, wanted, "app"), []);
    });

    it("revokes a table privilege the API does not need, on that table", () => {
        const held = [...baseline, { schema: "orders", table: "events", privilege: "UPDATE", grantable: false }];
        assert.deepEqual(revocationsFor(held, wanted, "app"), [{ sql: "REVOKE UPDATE ON ??.?? FROM ?@'%'", values: ["orders", "events", "app"] }]);
    });

    it("revokes the wanted privileges on another table", () => {
        const held = [...baseline, { schema: "orders", table: "schema_migrations", privilege: "SELECT", grantable: false }];
        assert.deepEqual(revocationsFor(held, wanted, "app"), [
            { sql: "REVOKE SELECT ON ??.?? FROM ?@'%'", values: ["orders", "schema_migrations", "app"] },
        ]);
    });

    it("revokes database-wide privileges, grouped in one statement", () => {
        const held = [
            ...baseline,
            { schema: "orders", privilege: "SELECT", grantable: false },
            { schema: "orders", privilege: "DELETE", grantable: false },
        ];
        assert.deepEqual(revocationsFor(held, wanted, "app"), [{ sql: "REVOKE DELETE, SELECT ON ??.* FROM ?@'%'", values: ["orders", "app"] }]);
    });

    it("revokes global privileges and the grant option, but never USAGE", () => {
        const held: HeldPrivilege[] = [
            { privilege: "USAGE", grantable: true },
            { privilege: "PROCESS", grantable: true },
            ...baseline.slice(1),
        ];
        assert.deepEqual(revocationsFor(held, wanted, "app"), [{ sql: "REVOKE GRANT OPTION, PROCESS ON *.* FROM ?@'%'", values: ["app"] }]);
    });

    it("keeps a wanted privilege but revokes its grant option", () => {
        const held = [baseline[0]!, { ...baseline[1]!, grantable: true }, baseline[2]!];
        assert.deepEqual(revocationsFor(held, wanted, "app"), [{ sql: "REVOKE GRANT OPTION ON ??.?? FROM ?@'%'", values: ["orders", "events", "app"] }]);
    });

    it("refuses a privilege name that is not a plain keyword, since it is written into the SQL", () => {
        const held = [...baseline, { privilege: "SELECT ON *.* TO x; --", grantable: false }];
        assert.throws(() => revocationsFor(held, wanted, "app"), /Unexpected privilege name/);
    });
});
