import * as pulumi from "@pulumi/pulumi";
import { rdsDbConnectArn } from "../lib/arn";
import { rdsConnectStatement, readEncryptedSecretsStatements, type PolicyStatement } from "../lib/iam";
import type { AppLogin } from "./appLogin";
import { accountIdOf, partitionOf, regionOf } from "./awsScope";

export interface AppDatabaseAccessArgs {
    readonly login: AppLogin;
    readonly proxyEndpoint: pulumi.Input<string>;
    readonly proxyArn: pulumi.Input<string>;
    readonly dbName: string;
    readonly kmsKeyArn: pulumi.Input<string>;
    readonly secretTtlSeconds: number;
}

/**
 * What every function that logs in as the app user through the proxy gets (the API, the relay, the projector):
 * the environment app/src/config.ts reads, and exactly one way in: `rds-db:connect` as that user on this proxy
 * (IAM mode), or reading that user's secret and decrypting it through Secrets Manager (secret mode).
 * The ARNs name the account, partition and region of `parent`'s provider.
 */
export function appDatabaseAccess(args: AppDatabaseAccessArgs, parent: pulumi.Resource): {
    environment: Record<string, pulumi.Input<string>>;
    statements: pulumi.Output<PolicyStatement[]>;
} {
    const { login } = args;
    const statements: pulumi.Output<PolicyStatement[]> =
        login.mode === "iam"
            ? pulumi
                  .all([partitionOf(parent), regionOf(parent), accountIdOf(parent), args.proxyArn])
                  .apply(([partition, region, accountId, proxyArn]) => [
                      rdsConnectStatement(rdsDbConnectArn({ partition, region, accountId, proxyArn, dbUser: login.user })),
                  ])
            : pulumi
                  .all([login.secretArn, args.kmsKeyArn, regionOf(parent)])
                  .apply(([secretArn, keyArn, region]) => readEncryptedSecretsStatements([secretArn], keyArn, region));
    const authEnvironment: Record<string, pulumi.Input<string>> =
        login.mode === "iam" ? { DB_AUTH: "iam", DB_USER: login.user } : { DB_AUTH: "secret", DB_SECRET_ARN: login.secretArn };
    return {
        environment: {
            DB_HOST: args.proxyEndpoint,
            DB_PORT: "3306",
            DB_NAME: args.dbName,
            DB_TLS: "required",
            SECRET_TTL_SECONDS: String(args.secretTtlSeconds),
            ...authEnvironment,
        },
        statements,
    };
}
