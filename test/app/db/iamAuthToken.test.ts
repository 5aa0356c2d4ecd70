import { Signer } from "@aws-sdk/rds-signer";
import { strict as assert } from "node:assert";
import { randomBytes } from "node:crypto";
import { environmentCredentials, IamAuthTokenSigner, type AwsCredentials } from "../../../app/src/db/iamAuthToken";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";

// Generated per run: no credential, not even a fake one, lives in the repository. Secret keys are 40
// characters of base64 in AWS; these include '+' and '/' so that escaping is exercised.
const generatedCredentials = (withSession: boolean): AwsCredentials => ({
    accessKeyId: `ASIA${randomBytes(8).toString("hex").toUpperCase()}`,
    secretAccessKey: randomBytes(30).toString("base64"),
    ...(withSession ? { sessionToken: randomBytes(120).toString("base64") } : {}),
});

/**
 * Runs `work` with `new Date()` and `Date.now()` frozen at `fixed`: rds-signer takes its signing time from the
 * clock and has no option for it, and the comparison needs both signers to sign at the same instant.
 */
async function atFixedTime<T>(fixed: Date, work: () => Promise<T>): Promise<T> {
    const RealDate = Date;
    class FixedDate extends RealDate {
        constructor(...args: unknown[]) {
            if (args.length === 0) {
                super(fixed.getTime());
            } else {
                super(...(args as [string]));
            }
        }
        static override now(): number {
            return fixed.getTime();
        }
    }
    globalThis.Date = FixedDate as DateConstructor;
    try {
        return await work();
    } finally {
        globalThis.Date = RealDate;
    }
}

interface Case {
    readonly name: string;
    readonly hostname: string;
    readonly port: number;
    readonly username: string;
    readonly region: string;
    readonly at: string;
    readonly session: boolean;
}

const cases: Case[] = [
    { name: "an RDS Proxy endpoint with session credentials (as in Lambda)", hostname: `orders-prx.proxy-abcdefghijkl.${FIXTURE_REGION}.rds.amazonaws.com`, port: 3306, username: "app", region: FIXTURE_REGION, at: "2026-03-01T12:34:56.789Z", session: true },
    { name: "long-term keys (no session token)", hostname: "db.cluster-xyz.us-east-1.rds.amazonaws.com", port: 3306, username: "app_iam", region: "us-east-1", at: "2025-12-31T23:59:59.000Z", session: false },
    { name: "another port and a user name that needs escaping", hostname: "localhost", port: 13306, username: "app user+(1)*!'~", region: "ap-southeast-2", at: "2026-07-04T00:00:00.000Z", session: true },
];

describe("db: IamAuthTokenSigner", () => {
    for (const c of cases) {
        it(`signs the same token as @aws-sdk/rds-signer: ${c.name}`, async () => {
            const credentials = generatedCredentials(c.session);
            const at = new Date(c.at);
            const ours = await new IamAuthTokenSigner({ hostname: c.hostname, port: c.port, username: c.username, region: c.region, credentials: () => credentials, now: () => at }).getAuthToken();
            const theirs = await atFixedTime(at, () => new Signer({ hostname: c.hostname, port: c.port, username: c.username, region: c.region, credentials }).getAuthToken());
            assert.equal(ours, theirs);
            assert.ok(ours.startsWith(`${c.hostname}:${c.port}/?Action=connect&DBUser=`), ours);
            assert.match(ours, /&X-Amz-Expires=900&/);
        });
    }

    it("signs with the credentials current at each call", async () => {
        let credentials = generatedCredentials(true);
        const at = new Date("2026-03-01T00:00:00Z");
        const signer = new IamAuthTokenSigner({ hostname: "h", port: 3306, username: "app", region: FIXTURE_REGION, credentials: () => credentials, now: () => at });
        const first = await signer.getAuthToken();
        credentials = generatedCredentials(true);
        const second = await signer.getAuthToken();
        assert.notEqual(first, second);
        assert.ok(second.includes(encodeURIComponent(credentials.accessKeyId)));
    });

    it("refuses to sign without a region", async () => {
        const signer = new IamAuthTokenSigner({ hostname: "h", port: 3306, username: "app", region: undefined, credentials: () => generatedCredentials(false) });
        await assert.rejects(signer.getAuthToken(), /AWS_REGION/);
    });

    describe("environmentCredentials", () => {
        it("reads the execution role's keys and session token, as Lambda sets them", () => {
            const { accessKeyId, secretAccessKey, sessionToken } = generatedCredentials(true);
            assert.deepEqual(
                environmentCredentials({ AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken }),
                { accessKeyId, secretAccessKey, sessionToken },
            );
        });

        it("leaves the session token out when there is none", () => {
            const { accessKeyId, secretAccessKey } = generatedCredentials(false);
            assert.deepEqual(environmentCredentials({ AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: "" }), { accessKeyId, secretAccessKey });
        });

        it("says which variables are missing, without echoing any value", () => {
            const { accessKeyId } = generatedCredentials(false);
            assert.throws(() => environmentCredentials({ AWS_ACCESS_KEY_ID: accessKeyId }), (error: Error) => {
                assert.match(error.message, /AWS_SECRET_ACCESS_KEY/);
                assert.ok(!error.message.includes(accessKeyId));
                return true;
            });
        });
    });
});
