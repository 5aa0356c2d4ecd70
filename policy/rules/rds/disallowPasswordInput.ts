import { dbKind } from "../../lib/rds";
import { resourceRule } from "../../lib/rule";
import { T } from "../../lib/types";

const PASSWORD_INPUTS = ["password", "passwordWo", "masterPassword", "masterPasswordWo"];

export const disallowPasswordInput = resourceRule({
    name: "disallow-database-password-input",
    description:
        "RDS instances and clusters must not take a master password input (password, masterPassword, their write-only forms); RDS should manage it in Secrets Manager.",
    enforcementLevel: "mandatory",
    severity: "high",
    topics: ["database", "secrets"],
    rationale: "A password input is stored in the Pulumi state and in the stack config; RDS-managed passwords never leave Secrets Manager.",
    remediationSteps: "Remove the password input and set manageMasterUserPassword: true.",
    types: [T.rdsInstance, T.rdsCluster],
    check: (props, report, { type }) => {
        // An unknown value still counts: it is a password from another resource (e.g. random.RandomPassword),
        // which ends up in the state and in the database's config, exactly what this rule keeps out.
        for (const key of PASSWORD_INPUTS) {
            const value = props[key];
            if (value !== undefined && value !== null && value !== "") {
                report(`the ${dbKind(type)} sets ${key}; use manageMasterUserPassword instead`);
            }
        }
    },
});
