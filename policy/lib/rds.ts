/** Helpers shared by the RDS rules. */
import { isUnknown } from "./unknown";

/** True when the instance/cluster copies another one (read replica, cross-region or global secondary). */
export function isReplica(props: Record<string, unknown>): boolean {
    const set = (v: unknown) => isUnknown(v) || (typeof v === "string" && v.trim() !== "");
    return set(props.replicateSourceDb) || set(props.replicationSourceIdentifier);
}

/** "instance" / "cluster" for messages. */
export function dbKind(type: string): string {
    return type.startsWith("aws:rds/cluster") ? "cluster" : "instance";
}
