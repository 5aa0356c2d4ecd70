import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";
import { asArray, asRecord, isUnknown } from "../../lib/unknown";

interface Config {
    databaseVariablePattern: string;
}

export const requireVpcForDatabaseFunctions = resourceRule<Config>({
    name: "require-vpc-for-database-functions",
    description:
        "Lambda functions that reach the database (environment variables like DB_HOST) must run in a VPC with subnets and security groups.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["lambda", "network", "database"],
    anchors: ["Checkov CKV_AWS_117"],
    rationale: "Outside the VPC the function cannot reach the private proxy, tempting a public database.",
    remediationSteps: "Set vpcConfig.subnetIds (private subnets) and vpcConfig.securityGroupIds (a group the proxy admits).",
    configSchema: {
        properties: {
            databaseVariablePattern: {
                type: "string",
                default: "^(DB|DATABASE|MYSQL|RDS|PG|POSTGRES)_",
                description: "Environment variable names (regular expression) that mark a function as a database client.",
            },
        },
    },
    types: [T.lambdaFunction],
    check: (props, report, { config }) => {
        const pattern = new RegExp(config.databaseVariablePattern, "i");
        const variables = Object.keys(asRecord(asRecord(props.environment)?.variables) ?? {});
        const marker = variables.find((name) => pattern.test(name));
        if (marker === undefined || isUnknown(props.vpcConfig)) {
            return;
        }
        const vpc = asRecord(props.vpcConfig);
        const present = (value: unknown) => isUnknown(value) || asArray(value).length > 0;
        if (!vpc || !present(vpc.subnetIds) || !present(vpc.securityGroupIds)) {
            report(`the function reaches the database (${marker}) but has no vpcConfig with subnetIds and securityGroupIds`);
        }
    },
});
