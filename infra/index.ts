import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { buildLambdaBundle, migrationsDir } from "../app/build";
import { loadConfig, masterUsername } from "./config";
import { API_SERVICE_NAME, Api } from "./components/api";
import { Database } from "./components/database";
import { Events, PROJECTOR_TIMEOUT_SECONDS, RELAY_SERVICE_NAME, RELAY_TIMEOUT_SECONDS } from "./components/events";
import { Endpoints } from "./components/endpoints";
import { Migrations } from "./components/migrations";
import { Network } from "./components/network";
import { Observability } from "./components/observability";
import { DatabaseProxy } from "./components/proxy";
import { Readiness } from "./components/readiness";
import { Secrets } from "./components/secrets";
import { proxyGeneration } from "./lib/proxyGeneration";

/** The stack outputs. */
interface BlueprintOutputs {
    readonly apiUrl: pulumi.Output<string>;
    readonly proxyEndpoint: pulumi.Output<string>;
    /** Only in `secret` mode: in IAM mode the app user has no password to keep. */
    readonly appSecretArn?: pulumi.Output<string>;
    readonly dbInstanceId: pulumi.Output<string>;
    readonly vpcId: pulumi.Output<string>;
    readonly migrateFunctionName: pulumi.Output<string>;
    /** What the deploy-time readiness check last reported: the app user logged in through the proxy (attempts, seconds). */
    readonly readiness: pulumi.Output<string>;
    /** `apiAuth`: how callers authenticate (iam, jwt or none). */
    readonly apiAuth: pulumi.Output<string>;
    /** Only with `apiAuth: iam`: what a caller must be allowed `execute-api:Invoke` on. */
    readonly apiInvokeArn?: pulumi.Output<string>;
    /** The SNS topic every alarm notifies (subscribe more endpoints to it), and the CloudWatch dashboard. */
    readonly alarmTopicArn: pulumi.Output<string>;
    readonly dashboardName: pulumi.Output<string>;
    /** Only with `events`: the bus the relay publishes the order events to (docs/app.md "Events on the bus"). */
    readonly eventBusName?: pulumi.Output<string>;
    readonly eventBusArn?: pulumi.Output<string>;
}

/**
 * The blueprint, in the order traffic and trust flow:
 * config → network → secrets → database → endpoints → migrations → proxy → readiness → api → events → observability.
 * Pulumi calls this function and turns the object it returns into stack outputs.
 */
export = function blueprint(): BlueprintOutputs {
    const config = loadConfig();
    // `<project>-<stack>`: the app's metric namespace. Resource names never use it: logical names are by role
    // (`network`, `db`…) and the same in every stack, and Pulumi's autonaming pattern (Pulumi.yaml) puts the
    // prefix in physical names, so renaming the stack or the project replaces nothing (docs/naming.md).
    const { name } = config;

    // One explicit provider carries the region and the tags, so every AWS resource below,
    // including those the awsx VPC creates, is tagged without each one having to ask; components ask it for
    // the account, partition and region their ARNs and policies name (components/awsScope.ts).
    const provider = new aws.Provider("aws", { region: config.region as aws.Region, defaultTags: { tags: config.tags } });
    const opts: pulumi.ComponentResourceOptions = { providers: { aws: provider } };
    // The functions' code, bundled here once (esbuild, app/build.ts) and handed to the components that deploy it.
    // The API's bundle depends on how it logs in to the database; the events functions are bundled only with events on.
    const code = {
        api: buildLambdaBundle("handler", { dbAuth: config.auth.mode }),
        migrate: buildLambdaBundle("migrate"),
        // The readiness probe logs in like the API, so it is bundled like it.
        probe: buildLambdaBundle("probe", { dbAuth: config.auth.mode }),
    };

    const network = new Network(
        "network",
        {
            ...config.network,
            apiReadsSecrets: config.auth.mode === "secret",
            events: config.events,
            logRetentionDays: config.logRetentionDays,
        },
        opts,
    );

    const secrets = new Secrets(
        "secrets",
        {
            appDbUser: config.auth.appDbUser,
            appAuth: config.auth.mode,
            dbName: config.database.dbName,
            retainKey: config.database.finalSnapshot,
        },
        opts,
    );
    const appLogin = secrets.appLogin;

    const database = new Database(
        "db",
        {
            ...config.database,
            masterUsername,
            subnetIds: network.subnetIds,
            securityGroupId: network.databaseSecurityGroupId,
            kmsKeyArn: secrets.keyArn,
        },
        opts,
    );

    const endpoints = new Endpoints(
        "endpoints",
        {
            vpcId: network.vpcId,
            subnetIds: network.subnetIds,
            securityGroupId: network.endpointSecurityGroupId,
            // In IAM mode only migrate reads a secret: the RDS-managed master secret.
            secretArns: appLogin.mode === "iam" ? [database.masterSecretArn] : [appLogin.secretArn, database.masterSecretArn],
        },
        opts,
    );

    const migrations = new Migrations(
        "migrations",
        {
            code: code.migrate,
            migrationsDir,
            subnetIds: network.subnetIds,
            securityGroupId: network.migrateFunctionSecurityGroupId,
            detachedSecurityGroupId: network.detachedSecurityGroupId,
            dbHost: database.address,
            dbPort: database.port,
            dbResourceId: database.resourceId,
            dbName: config.database.dbName,
            masterSecretArn: database.masterSecretArn,
            appLogin,
            kmsKeyArn: secrets.keyArn,
            logRetentionDays: config.logRetentionDays,
            logLevel: config.logLevel,
        },
        // The deploy invokes the function at once: its path to the database and to Secrets
        // Manager (rules and endpoint) must exist by then, not merely be declared.
        { ...opts, dependsOn: [network, endpoints] },
    );

    const proxy = new DatabaseProxy(
        "proxy",
        {
            ...config.proxy,
            subnetIds: network.subnetIds,
            securityGroupId: network.proxySecurityGroupId,
            instance: database.instance,
            dbResourceId: database.resourceId,
            login: appLogin,
            kmsKeyArn: secrets.keyArn,
            engineVersion: config.database.engineVersion,
            generation: proxyGeneration(config.network),
        },
        // The proxy logs in as the app user, so `migrate` must have created it, or converted it to the
        // new login, before the proxy is created or switched: on a change of dbAuth the user is
        // converted first, then the proxy follows (the brief gap is in docs/operations.md "Updating a stack").
        { ...opts, dependsOn: [migrations] },
    );

    // Proof that the chain works before anything serves through it: a probe logs in through the proxy as the app user,
    // in the stack's auth mode and along the API's network path, and retries SELECT 1 while the target registers. A
    // broken link fails the deploy with a message naming it; the API, the relay and the projector wait for it.
    const readiness = new Readiness(
        "readiness",
        {
            code: code.probe,
            subnetIds: network.subnetIds,
            securityGroupId: network.apiFunctionSecurityGroupId,
            detachedSecurityGroupId: network.detachedSecurityGroupId,
            proxyEndpoint: proxy.endpoint,
            proxyArn: proxy.arn,
            proxyTargetId: proxy.targetId,
            dbResourceId: database.resourceId,
            dbName: config.database.dbName,
            login: appLogin,
            kmsKeyArn: secrets.keyArn,
            secretTtlSeconds: config.auth.secretTtlSeconds,
            logRetentionDays: config.logRetentionDays,
            logLevel: config.logLevel,
        },
        // The proxy component holds its target: the probe runs once the registration has been asked for.
        { ...opts, dependsOn: [network, endpoints, migrations, proxy] },
    );

    const api = new Api(
        "api",
        {
            code: code.api,
            subnetIds: network.subnetIds,
            securityGroupId: network.apiFunctionSecurityGroupId,
            detachedSecurityGroupId: network.detachedSecurityGroupId,
            proxyEndpoint: proxy.endpoint,
            proxyArn: proxy.arn,
            dbName: config.database.dbName,
            login: appLogin,
            kmsKeyArn: secrets.keyArn,
            secretTtlSeconds: config.auth.secretTtlSeconds,
            ...config.lambda,
            logRetentionDays: config.logRetentionDays,
            logLevel: config.logLevel,
            throttleRateLimit: config.api.throttleRateLimit,
            throttleBurstLimit: config.api.throttleBurstLimit,
            callerAuth: config.api.auth,
            // One namespace per stack: dev's and prod's counts never mix in a shared account.
            metricsNamespace: name,
        },
        // The API is only useful once the schema and the app user exist and the proxy has its
        // target: the endpoint alone is known before the instance is registered behind it, and the registration
        // before the target is healthy. The readiness check is the proof that a login gets through.
        { ...opts, dependsOn: [migrations, proxy, readiness.check] },
    );

    // The event store as an outbox: the relay publishes it to the bus, the projector keeps the read model. Both log in
    // like the API (so after migrate and the readiness check), and the projector's rule fires only once the API exists.
    const events =
        config.events && network.events !== undefined
            ? new Events(
                  "events",
                  {
                      relayCode: buildLambdaBundle("relay"),
                      projectorCode: buildLambdaBundle("projector"),
                      vpcId: network.vpcId,
                      subnetIds: network.subnetIds,
                      relaySecurityGroupId: network.events.relayFunctionSecurityGroupId,
                      projectorSecurityGroupId: network.events.projectorFunctionSecurityGroupId,
                      eventsEndpointSecurityGroupId: network.events.eventsEndpointSecurityGroupId,
                      detachedSecurityGroupId: network.detachedSecurityGroupId,
                      login: appLogin,
                      proxyEndpoint: proxy.endpoint,
                      proxyArn: proxy.arn,
                      dbName: config.database.dbName,
                      kmsKeyArn: secrets.keyArn,
                      secretTtlSeconds: config.auth.secretTtlSeconds,
                      logRetentionDays: config.logRetentionDays,
                      logLevel: config.logLevel,
                      metricsNamespace: name,
                      protectBus: config.database.deletionProtection,
                  },
                  { ...opts, dependsOn: [migrations, proxy, readiness.check] },
              )
            : undefined;

    // Alarms on each layer above, their topic (encrypted with the stack key) and the stack's dashboard.
    const observability = new Observability(
        "observability",
        {
            ...config.observability,
            kmsKeyArn: secrets.keyArn,
            apiId: api.apiId,
            stageName: api.stageName,
            apiFunction: { name: api.functionName, timeoutSeconds: config.lambda.timeoutSeconds },
            migrateFunction: { name: migrations.functionName, timeoutSeconds: migrations.timeoutSeconds },
            dbInstanceId: database.identifier,
            proxyName: proxy.name,
            appMetricsNamespace: name,
            appServiceName: API_SERVICE_NAME,
            ...(events === undefined
                ? {}
                : {
                      events: {
                          relayFunction: { name: events.relayFunctionName, timeoutSeconds: RELAY_TIMEOUT_SECONDS },
                          projectorFunction: { name: events.projectorFunctionName, timeoutSeconds: PROJECTOR_TIMEOUT_SECONDS },
                          deadLetterQueueName: events.deadLetterQueueName,
                          projectorQueueName: events.projectorQueueName,
                          appNamespace: name,
                          relayService: RELAY_SERVICE_NAME,
                      },
                  }),
        },
        opts,
    );

    return {
        apiUrl: api.url,
        proxyEndpoint: proxy.endpoint,
        ...(appLogin.mode === "secret" ? { appSecretArn: appLogin.secretArn } : {}),
        dbInstanceId: database.instanceId,
        vpcId: network.vpcId,
        migrateFunctionName: migrations.functionName,
        readiness: readiness.result,
        apiAuth: api.auth,
        ...(api.invokeArn === undefined ? {} : { apiInvokeArn: api.invokeArn }),
        alarmTopicArn: observability.topicArn,
        dashboardName: observability.dashboardName,
        ...(events === undefined ? {} : { eventBusName: events.eventBusName, eventBusArn: events.eventBusArn }),
    };
};
