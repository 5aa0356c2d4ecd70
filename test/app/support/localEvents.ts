import type { Connection, RowDataPacket } from "mysql2/promise";
import { startLocalEvents, type LocalEvents } from "../../../app/dev/localEvents";
import type { EventBridgeStubOptions } from "../../../app/dev/eventBridgeStub";
import type { LocalEnvironment } from "../../../app/dev/localEnvironment";
import { silentLogger } from "./silentLogger";

/**
 * Starts the relay → stub → projector pipeline on the shared database, with the relay's checkpoint moved to the end
 * of the store first, so that a test publishes only the events it appends itself.
 */
export async function freshEvents(env: LocalEnvironment, admin: Connection, stub: Omit<EventBridgeStubOptions, "deliver"> = {}): Promise<LocalEvents> {
    await admin.query(
        "UPDATE relay_checkpoints SET position = (SELECT COALESCE(MAX(seq), 0) FROM events), lease_owner = NULL, lease_until = NULL, lease_successor = NULL WHERE relay = 'eventbridge'",
    );
    return startLocalEvents(env.apiEnv, { logger: silentLogger(), stub });
}

export async function checkpointPosition(admin: Connection): Promise<number> {
    const [rows] = await admin.query<RowDataPacket[]>("SELECT position FROM relay_checkpoints WHERE relay = 'eventbridge'");
    return Number(rows[0]?.position);
}

export async function maxPosition(admin: Connection): Promise<number> {
    const [rows] = await admin.query<RowDataPacket[]>("SELECT COALESCE(MAX(seq), 0) AS high FROM events");
    return Number(rows[0]?.high);
}

export async function checkpointOwner(admin: Connection): Promise<string | null> {
    const [rows] = await admin.query<RowDataPacket[]>("SELECT lease_owner FROM relay_checkpoints WHERE relay = 'eventbridge'");
    return (rows[0]?.lease_owner as string | null | undefined) ?? null;
}
