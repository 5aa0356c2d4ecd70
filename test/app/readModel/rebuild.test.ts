import { strict as assert } from "node:assert";
import type { Connection, RowDataPacket } from "mysql2/promise";
import { withEnvironment } from "../../../app/dev/localEnvironment";
import { handler as migrate, type MigrateResult } from "../../../app/src/migrate";
import type { ApiContainer } from "../../../app/src/container";
import { invoke } from "../support/invoke";
import { useLocalEnvironment } from "../support/localEnvironment";
import { freshEvents } from "../support/localEvents";

const callers = ["arn:aws:iam::111122223333:user/a", "arn:aws:iam::111122223333:user/b", "sub-c"];

describe("readModel: rebuild (against MariaDB)", function () {
    this.timeout(120_000);
    const local = useLocalEnvironment();
    let api: ApiContainer;
    let admin: Connection;

    before(async () => {
        api = local.container();
        admin = await local.env().mariadb.connectAdmin();
    });
    after(async () => {
        await admin?.end();
    });

    async function summaries(ids: readonly string[]): Promise<RowDataPacket[]> {
        const [rows] = await admin.query<RowDataPacket[]>("SELECT * FROM order_summaries WHERE order_id IN (?) ORDER BY order_id", [ids]);
        return rows;
    }

    it("rebuilds from the event store exactly the table the projector built incrementally", async () => {
        const events = await freshEvents(local.env(), admin);
        const ids: string[] = [];
        try {
            // A deterministic mix of orders, items, confirmations and cancellations across callers and customers.
            for (let n = 0; n < 30; n += 1) {
                const caller = callers[n % callers.length] as string;
                const reply = await invoke(api, "POST", "/orders", { caller, body: { customerId: `rebuild-${n % 4}` } });
                const id = String(reply.body.id);
                ids.push(id);
                for (let item = 0; item < n % 5; item += 1) {
                    await invoke(api, "POST", `/orders/${id}/items`, { caller, body: { sku: `s${item}`, quantity: item + 1, unitPrice: 0.35 * (item + 1) } });
                }
                if (n % 3 === 1) {
                    await invoke(api, "POST", `/orders/${id}/confirm`, { caller });
                } else if (n % 3 === 2) {
                    await invoke(api, "POST", `/orders/${id}/cancel`, { caller });
                }
                // Relay in between, so that the projector sees the orders grow over several runs.
                if (n % 7 === 0) {
                    await events.runRelay();
                }
            }
            await events.runRelay();
            await events.bus.drained();
        } finally {
            await events.stop();
        }
        const incremental = await summaries(ids);
        assert.equal(incremental.length, ids.length);

        const result = (await withEnvironment(local.env().migrateEnv, () => migrate({ rebuildReadModel: true }))) as MigrateResult;
        assert.ok(result.readModel !== undefined && result.readModel.orders >= ids.length);
        // Streams other tests broke on purpose (the relay's malformed row) are skipped, not fatal.
        const [broken] = await admin.query<RowDataPacket[]>("SELECT COUNT(*) AS n FROM events WHERE version = 1 AND type <> 'OrderCreated'");
        assert.equal(result.readModel.skipped, Number(broken[0]?.n));
        assert.deepEqual(await summaries(ids), incremental);
    });

    it("runs only when asked", async () => {
        const result = (await withEnvironment(local.env().migrateEnv, () => migrate({ trigger: "deploy" }))) as MigrateResult;
        assert.equal(result.readModel, undefined);
    });
});
