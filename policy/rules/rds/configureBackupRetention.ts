import { dbKind, isReplica } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, knownNumber } from "../../lib/unknown";

interface Config {
    minimumRetentionDays: number;
}

/** What RDS uses when backupRetentionPeriod is not set (CreateDBInstance / CreateDBCluster default). */
const AWS_DEFAULT_RETENTION_DAYS = 1;

export const configureBackupRetention = resourceRule<Config>({
    name: "configure-database-backup-retention",
    description: "RDS instances and clusters must keep automated backups for at least the configured number of days (1 by default).",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["database", "resilience"],
    anchors: ["Checkov CKV_AWS_133"],
    rationale: "Without automated backups there is no point-in-time recovery.",
    remediationSteps: "Set backupRetentionPeriod to at least the minimum (prod: 14 in this blueprint).",
    configSchema: {
        properties: {
            minimumRetentionDays: { type: "integer", minimum: 1, maximum: 35, default: 1 },
        },
    },
    types: [T.rdsInstance, T.rdsCluster],
    check: (props, report, { type, config }) => {
        if (isReplica(props) || isUnknown(props.backupRetentionPeriod)) {
            return;
        }
        const days = props.backupRetentionPeriod === undefined ? AWS_DEFAULT_RETENTION_DAYS : knownNumber(props.backupRetentionPeriod);
        if (days === undefined || days < config.minimumRetentionDays) {
            report(
                `the ${dbKind(type)} keeps backups for ${days ?? String(props.backupRetentionPeriod)} day(s); the minimum is ${config.minimumRetentionDays}`,
            );
        }
    },
});
