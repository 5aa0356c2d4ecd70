/**
 * The real pack, served by the policy SDK: starts `policy/` in its own process the way the Pulumi
 * CLI does for `--policy-pack policy` (it never returns) and talks to it over gRPC the way the
 * engine does during `pulumi preview`.
 */
import { strict as assert } from "node:assert";
import { ChildProcess, spawn } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import { AnalyzeRequest, AnalyzerResource, AnalyzerResourceOptions, AnalyzeResponse, AnalyzeStackRequest, EnforcementLevel } from "@pulumi/pulumi/proto/analyzer_pb";
import { evaluateResources } from "../../policy/evaluate";
import { packName, policies } from "../../policy/pack";
import { FIXTURE_PROJECT, FIXTURE_STACK } from "../helpers/fixtureValues";
import { UNKNOWN } from "../helpers/policy";
import { blueprintResources, generatedPassword, iamPolicy, lambdaPermission, rdsInstance } from "../helpers/policyFixtures";
import { TOKEN_GENERATORS } from "../helpers/policyTokens";

const ROOT = path.join(__dirname, "..", "..");

function analyze(client: AnalyzerClient, type: string, name: string, props: Record<string, unknown>): Promise<AnalyzeResponse> {
    const request = new AnalyzeRequest();
    request.setType(type);
    request.setName(name);
    request.setUrn(`urn:pulumi:${FIXTURE_STACK}::${FIXTURE_PROJECT}::${type}::${name}`);
    request.setProperties(Struct.fromJavaScript(props as Record<string, never>));
    request.setOptions(new AnalyzerResourceOptions());
    return new Promise((resolve, reject) => client.analyze(request, (err, response) => (err ? reject(err) : resolve(response))));
}

describe("index: the pack served by the policy SDK", function () {
    this.timeout(60_000);
    let child: ChildProcess;
    let client: AnalyzerClient;

    before(async () => {
        // The CLI runs @pulumi/pulumi/cmd/run-policy-pack resolved from the pack's folder (its own
        // node_modules once `npm ci --prefix policy` ran) with the engine's address and ".", in the
        // pack's folder (pulumi/pulumi#3524). It compiles index.ts with ts-node, type-checking it
        // with the pack's tsconfig.json and typescript: a type error stops the pack here as in CI.
        const pack = path.join(ROOT, "policy");
        const runPolicyPack = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [pack] });
        // Without require(esm), as on Node 22.0-22.11: the pack must load its ES-module-only packages
        // (secretlint) through import(), which TypeScript keeps as is under module node16.
        child = spawn(process.execPath, ["--no-experimental-require-module", runPolicyPack, "127.0.0.1:0", "."], { cwd: pack, stdio: ["ignore", "pipe", "pipe"] });
        const port = await new Promise<string>((resolve, reject) => {
            let stderr = "";
            child.stderr!.on("data", (d: Buffer) => (stderr += d.toString()));
            child.stdout!.once("data", (d: Buffer) => resolve(d.toString().trim()));
            child.once("exit", (code) => reject(new Error(`the policy pack exited with ${code}: ${stderr}`)));
        });
        assert.match(port, /^\d+$/);
        client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    });

    after(() => {
        client?.close();
        child?.kill();
    });

    it("announces every rule of the pack with its level", async () => {
        const info = await new Promise<{ getName(): string; getPoliciesList(): { getName(): string; getEnforcementlevel(): number }[] }>((resolve, reject) =>
            client.getAnalyzerInfo(new Empty(), (err, response) => (err ? reject(err) : resolve(response))),
        );
        // The name a fork gives its pack (`npm run fork` renames it with the project), whatever it is.
        assert.equal(info.getName(), packName);
        assert.match(packName, /^[a-z0-9][a-z0-9-]*$/);
        const served = info.getPoliciesList().map((p) => [p.getName(), p.getEnforcementlevel()]);
        const LEVEL = { advisory: EnforcementLevel.ADVISORY, mandatory: EnforcementLevel.MANDATORY };
        assert.deepEqual(
            served.sort(),
            policies.map((p) => [p.name, LEVEL[p.enforcementLevel as "advisory" | "mandatory"]]).sort(),
        );
    });

    it("reports a public database as a mandatory diagnostic", async () => {
        const response = await analyze(client, "aws:rds/instance:Instance", "db", { ...rdsInstance().props, publiclyAccessible: true });
        const diagnostics = response.getDiagnosticsList().map((d) => ({ policy: d.getPolicyname(), message: d.getMessage() }));
        assert.deepEqual(diagnostics, [
            { policy: "disallow-public-database", message: "RDS instances (including Aurora cluster instances) must not be publicly accessible.\npubliclyAccessible is true" },
        ]);
    });

    it("reports a token found by secretlint, which the pack loads as an ES module from CommonJS", async () => {
        // secretlint is ESM only: this is the CLI's ts-node loading it through import(), not tsx.
        const token = TOKEN_GENERATORS["github-fine-grained-pat"]!();
        const response = await analyze(client, "aws:lambda/function:Function", "api", { environment: { variables: { UPSTREAM: token } } });
        const messages = response.getDiagnosticsList().filter((d) => d.getPolicyname() === "disallow-hardcoded-secrets-in-lambda-environment").map((d) => d.getMessage());
        assert.equal(messages.length, 1, JSON.stringify(messages));
        assert.match(messages[0]!, /environment variable UPSTREAM contains a GitHub token .*\(secretlint: github\)$/);
    });

    it("gives the same verdicts as `npm run policy:check` (evaluateResources) on the blueprint and on each IAM class", async () => {
        const open = (type: string, props: Record<string, unknown>, statement: Record<string, unknown>) => ({
            type,
            name: type.split(":")[2]!.toLowerCase(),
            props: { ...props, policy: JSON.stringify({ Version: "2012-10-17", Statement: [statement] }) },
        });
        const corpus = [
            ...blueprintResources(),
            // An action that takes only "*", a pattern that reaches scoped actions, privilege escalation.
            iamPolicy({ Statement: [{ Effect: "Allow", Action: ["ecr:GetAuthorizationToken", "s3:Get*"], Resource: "*" }] }),
            iamPolicy({ Statement: [{ Effect: "Allow", Action: ["iam:PassRole", "lambda:CreateFunction", "lambda:InvokeFunction"], Resource: "*" }] }),
            iamPolicy({ Statement: [{ Effect: "Allow", Action: "s3:PutAccountPublicAccessBlock", Resource: "*" }] }),
            open("aws:secretsmanager/secretPolicy:SecretPolicy", { secretArn: "s" }, { Effect: "Allow", Principal: { AWS: "*" }, Action: "secretsmanager:GetSecretValue", Resource: "*" }),
            open("aws:sqs/queuePolicy:QueuePolicy", { queueUrl: "q" }, { Effect: "Allow", Principal: "*", Action: "sqs:SendMessage", Resource: "*", Condition: { ArnEquals: { "aws:SourceArn": "arn:aws:sns:x:1:t" } } }),
            open("aws:sns/topicPolicy:TopicPolicy", { arn: "t" }, { Effect: "Allow", Principal: "*", Action: "sns:Publish", Resource: "*" }),
            open("aws:s3/bucketPolicy:BucketPolicy", { bucket: "b" }, { Effect: "Allow", Principal: "*", Action: "s3:GetObject", Resource: "arn:aws:s3:::b/*" }),
            open("aws:cloudwatch/eventBusPolicy:EventBusPolicy", { eventBusName: "e" }, { Effect: "Allow", Principal: "*", Action: "events:PutEvents", Resource: "*" }),
            { ...lambdaPermission(), props: { action: "lambda:InvokeFunction", function: "api", principal: "*" } },
            { type: "aws:lambda/functionUrl:FunctionUrl", name: "url", props: { functionName: "api", authorizationType: "NONE" } },
        ];
        const resourcePolicies = new Set(policies.filter((p) => "validateResource" in p).map((p) => p.name));
        const LEVEL: Record<number, string> = { [EnforcementLevel.ADVISORY]: "advisory", [EnforcementLevel.MANDATORY]: "mandatory" };
        const served: string[] = [];
        const checked: string[] = [];
        for (const [i, resource] of corpus.entries()) {
            const name = `${resource.name ?? "r"}-${i}`;
            for (const d of (await analyze(client, resource.type, name, resource.props)).getDiagnosticsList()) {
                // The SDK sends "<description>\n<message>"; policy:check reports the message alone.
                const description = policies.find((p) => p.name === d.getPolicyname())!.description;
                served.push(`${name} ${d.getPolicyname()} ${LEVEL[d.getEnforcementlevel()]}: ${d.getMessage().replace(`${description}\n`, "")}`);
            }
            for (const v of await evaluateResources([{ type: resource.type, name, props: resource.props }])) {
                if (resourcePolicies.has(v.policy)) {
                    checked.push(`${name} ${v.policy} ${v.enforcementLevel}: ${v.message}`);
                }
            }
        }
        assert.deepEqual(served.sort(), checked.sort());
        for (const rule of ["disallow-wildcard-resource", "disallow-unconstrained-permissions-management", "disallow-privilege-escalation", "disallow-public-secret-policy", "disallow-public-topic-policy", "disallow-public-bucket-policy", "disallow-public-event-bus-policy", "disallow-wildcard-lambda-permission-principal", "disallow-public-function-url"]) {
            assert.ok(served.some((v) => v.includes(` ${rule} mandatory:`)), `the corpus exercises ${rule}`);
        }
        assert.ok(!served.some((v) => v.includes("disallow-public-queue-policy")), "a narrowed queue policy passes both ways");
    });

    it("gives the same verdicts as evaluateResources (npm run policy:check) on credential cases", async () => {
        const pw = generatedPassword();
        const cases: { type: string; name: string; props: Record<string, unknown> }[] = [
            { type: "aws:lambda/function:Function", name: "token", props: { environment: { variables: { UPSTREAM: TOKEN_GENERATORS["gitlab-ptt"]!() } } } },
            { type: "aws:lambda/function:Function", name: "shell", props: { environment: { variables: { BOOT: `PGPASSWORD=${pw} psql -h db` } } } },
            { type: "aws:lambda/function:Function", name: "template", props: { environment: { variables: { DB_PASSWORD: "{{ db_password }}" } } } },
            { type: "aws:ec2/instance:Instance", name: "vm", props: { userData: `#cloud-config\nusers:\n  - name: app\n    plain_text_passwd: ${pw}\n` } },
        ];
        for (const resource of cases) {
            const served = (await analyze(client, resource.type, resource.name, resource.props)).getDiagnosticsList().map((d) => d.getPolicyname()).sort();
            const offline = (await evaluateResources([resource])).map((v) => v.policy).sort();
            assert.deepEqual(served, offline, resource.name);
            assert.equal(served.some((name) => name.startsWith("disallow-hardcoded-secrets")), resource.name !== "template", resource.name);
        }
    });

    it("gives the same stack verdict as `npm run policy:check` on a role whose policies escalate only together", async () => {
        const urn = (type: string, name: string) => `urn:pulumi:${FIXTURE_STACK}::${FIXTURE_PROJECT}::${type}::${name}`;
        const statement = (Action: string | string[], Resource: string) => JSON.stringify({ Version: "2012-10-17", Statement: [{ Effect: "Allow", Action, Resource }] });
        const resources = [
            { type: "aws:iam/role:Role", name: "worker", props: { assumeRolePolicy: statement("sts:AssumeRole", "*") }, dependsOn: [] as string[] },
            { type: "aws:iam/rolePolicy:RolePolicy", name: "pass", props: { role: "worker-id", policy: statement("iam:PassRole", "*") }, dependsOn: ["worker"] },
            { type: "aws:iam/rolePolicy:RolePolicy", name: "run", props: { role: "worker-id", policy: statement("ec2:RunInstances", "*") }, dependsOn: ["worker"] },
        ];
        const request = new AnalyzeStackRequest();
        request.setResourcesList(
            resources.map((r) =>
                new AnalyzerResource()
                    .setType(r.type)
                    .setName(r.name)
                    .setUrn(urn(r.type, r.name))
                    .setProperties(Struct.fromJavaScript(r.props as unknown as Record<string, never>))
                    .setOptions(new AnalyzerResourceOptions())
                    .setDependenciesList(r.dependsOn.map((d) => urn("aws:iam/role:Role", d))),
            ),
        );
        const response = await new Promise<AnalyzeResponse>((resolve, reject) => client.analyzeStack(request, (err, res) => (err ? reject(err) : resolve(res))));
        const rule = "disallow-privilege-escalation-across-policies";
        const description = policies.find((p) => p.name === rule)!.description;
        const served = response.getDiagnosticsList().filter((d) => d.getPolicyname() === rule).map((d) => d.getMessage().replace(`${description}\n`, ""));
        const checked = (await evaluateResources(resources)).filter((v) => v.policy === rule).map((v) => v.message);
        assert.equal(served.length, 1);
        assert.deepEqual(served, checked);
        assert.match(served[0]!, /method #3 /);
    });

    it("neither fails nor reports when values are unknown during preview", async () => {
        const props = { ...rdsInstance().props, publiclyAccessible: UNKNOWN.boolean, kmsKeyId: UNKNOWN.string, tags: UNKNOWN.object };
        const response = await analyze(client, "aws:rds/instance:Instance", "db", props);
        assert.deepEqual(response.getDiagnosticsList().map((d) => d.getMessage()), []);
    });
});
