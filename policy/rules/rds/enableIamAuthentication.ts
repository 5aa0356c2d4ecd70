import { dbKind, isReplica } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { isUnknown, knownString } from "../../lib/unknown";

interface Config {
    engines: string[];
}

export const enableIamAuthentication = resourceRule<Config>({
    name: "enable-database-iam-authentication",
    description: "RDS for MySQL instances and clusters must enable IAM database authentication.",
    enforcementLevel: "mandatory",
    severity: "medium",
    topics: ["database", "iam"],
    anchors: ["Checkov CKV_AWS_161", "Checkov CKV_AWS_162"],
    rationale: "IAM authentication gives short-lived tokens instead of long-lived passwords.",
    remediationSteps: "Set iamDatabaseAuthenticationEnabled: true.",
    configSchema: {
        properties: {
            engines: {
                type: "array",
                items: { type: "string" },
                default: ["mysql", "aurora-mysql"],
                description: "Engines the rule applies to.",
            },
        },
    },
    types: [T.rdsInstance, T.rdsCluster],
    check: (props, report, { type, config }) => {
        const engine = knownString(props.engine)?.toLowerCase();
        if (engine === undefined || !config.engines.includes(engine) || isReplica(props) || isUnknown(props.iamDatabaseAuthenticationEnabled)) {
            return;
        }
        if (props.iamDatabaseAuthenticationEnabled !== true) {
            report(`the ${engine} ${dbKind(type)} does not set iamDatabaseAuthenticationEnabled: true`);
        }
    },
});
