import { loadProjectorConfig } from "../src/config";
import type { Logger } from "../src/logger";
import type { OrderEventDetail } from "../src/outbox/contract";
import type { Outbox } from "../src/outbox/outbox";
import { prepare } from "../src/outbox/relay";
import { createProjectorContainer } from "../src/readModel/projectorContainer";
import type { Backlog } from "./relayDrain";
import { timed } from "./stats";

export interface ProjectorRate {
    readonly events: number;
    readonly instances: number;
    readonly ms: number;
}

/**
 * The projector's rate on `count` events of a backlog no projector has seen: `instances` containers (each a Lambda
 * instance, with its own connection), each applying its share one event at a time, as EventBridge invokes it (one
 * event per invocation). The events go through the relay's `prepare` and JSON, as they reach the projector.
 */
export async function projectorRate(
    apiEnv: Readonly<Record<string, string>>,
    outbox: Outbox,
    backlog: Backlog,
    options: { readonly count: number; readonly instances: number; readonly skip: number; readonly logger: Logger },
): Promise<ProjectorRate> {
    const rows = await outbox.read(backlog.after + options.skip, backlog.after + backlog.events, options.count);
    const details = rows.map((row) => {
        const prepared = prepare(row, "bench");
        if (!("entry" in prepared)) {
            throw new Error(`bench: backlog row ${row.position} would be parked: ${prepared.parkReason}`);
        }
        return { type: prepared.entry.DetailType, detail: JSON.parse(prepared.entry.Detail) as OrderEventDetail };
    });
    const config = loadProjectorConfig({ ...apiEnv, POWERTOOLS_SERVICE_NAME: "orders-projector" });
    const containers = Array.from({ length: options.instances }, () => createProjectorContainer(config, { logger: options.logger, recordOutcome: () => undefined }));
    try {
        // Warm each instance's connection first: a cold start is not part of the rate.
        await Promise.all(containers.map((c) => c.db.query("SELECT 1", [], { retryOnFatal: true })));
        // Orders are dealt to instances whole (by position of their first event), so instances do not race on a row.
        const shares = containers.map(() => [] as typeof details);
        const instanceOf = new Map<string, number>();
        for (const event of details) {
            const instance = instanceOf.get(event.detail.orderId) ?? instanceOf.size % containers.length;
            instanceOf.set(event.detail.orderId, instance);
            shares[instance]?.push(event);
        }
        const ms = await timed(() =>
            Promise.all(
                containers.map(async (container, n) => {
                    for (const { type, detail } of shares[n] ?? []) {
                        await container.projector.project({ ...detail, type });
                    }
                }),
            ),
        );
        return { events: details.length, instances: options.instances, ms };
    } finally {
        await Promise.all(containers.map((c) => c.db.close()));
    }
}
