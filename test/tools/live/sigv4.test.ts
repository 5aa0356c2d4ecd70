import { strict as assert } from "node:assert";
import { createHash, createHmac } from "node:crypto";
import type { HttpRequest } from "../../../tools/live/http";
import { executeApiRegion, NodeSha256, sigV4Client } from "../../../tools/live/sigv4";
import { FIXTURE_API_URL, FIXTURE_REGION } from "../../helpers/fixtureValues";

// The example credentials of AWS's Signature Version 4 test suite.
const EXAMPLE = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY" };
const SIGNING_TIME = new Date("2015-08-30T12:36:00Z");

async function signed(request: HttpRequest, options: { region?: string; service?: string; sessionToken?: string } = {}): Promise<HttpRequest> {
    let sent: HttpRequest | undefined;
    const client = sigV4Client(
        async (r) => {
            sent = r;
            return { status: 200, headers: {}, body: "" };
        },
        {
            region: options.region ?? "us-east-1",
            service: options.service,
            credentials: { ...EXAMPLE, sessionToken: options.sessionToken },
            now: () => SIGNING_TIME,
        },
    );
    await client(request);
    assert.ok(sent);
    return sent;
}

const sha256 = (data: string) => createHash("sha256").update(data).digest("hex");
const hmac = (key: Buffer | string, data: string) => createHmac("sha256", key).update(data).digest();

/** Signature Version 4 written out step by step, to check the signer against an independent reading of the spec. */
function expectedAuthorization(request: HttpRequest, headers: Record<string, string>, region: string, service: string): string {
    const url = new URL(request.url);
    const names = Object.keys(headers).sort();
    const canonical = [
        request.method,
        url.pathname,
        "",
        ...names.map((n) => `${n}:${headers[n]!.trim()}`),
        "",
        names.join(";"),
        sha256(request.body ?? ""),
    ].join("\n");
    const date = headers["x-amz-date"]!;
    const scope = `${date.slice(0, 8)}/${region}/${service}/aws4_request`;
    const toSign = ["AWS4-HMAC-SHA256", date, scope, sha256(canonical)].join("\n");
    let key = hmac(`AWS4${EXAMPLE.secretAccessKey}`, date.slice(0, 8));
    for (const part of [region, service, "aws4_request"]) {
        key = hmac(key, part);
    }
    const signature = createHmac("sha256", key).update(toSign).digest("hex");
    return `AWS4-HMAC-SHA256 Credential=${EXAMPLE.accessKeyId}/${scope}, SignedHeaders=${names.join(";")}, Signature=${signature}`;
}

describe("live: sigv4", () => {
    it("signs AWS's get-vanilla test request to the published signature", async () => {
        const request = await signed({ method: "GET", url: "https://example.amazonaws.com/", headers: {} }, { service: "service" });
        assert.equal(request.headers["x-amz-date"], "20150830T123600Z");
        assert.equal(
            request.headers.authorization,
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, " +
                "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
        );
    });

    it("signs a POST for execute-api with its body, its headers and the session token of a role session", async () => {
        const original: HttpRequest = {
            method: "POST",
            url: `${FIXTURE_API_URL}orders`,
            headers: { "content-type": "application/json", "idempotency-key": "key-1" },
            body: '{"customerId":"live"}',
        };
        const request = await signed(original, { region: FIXTURE_REGION, sessionToken: "session-token" });
        assert.equal(request.headers["x-amz-security-token"], "session-token");
        assert.equal(request.body, original.body, "the body goes out as signed");
        const { authorization, ...signedHeaders } = request.headers;
        assert.match(authorization ?? "", /SignedHeaders=content-type;host;idempotency-key;x-amz-date;x-amz-security-token,/);
        assert.equal(authorization, expectedAuthorization(original, signedHeaders, FIXTURE_REGION, "execute-api"));
    });

    it("gives a different signature when the body changes", async () => {
        const request = (body: string): HttpRequest => ({ method: "POST", url: `${FIXTURE_API_URL}orders`, headers: {}, body });
        const a = await signed(request('{"customerId":"a"}'));
        const b = await signed(request('{"customerId":"b"}'));
        assert.notEqual(a.headers.authorization, b.headers.authorization);
    });

    it("reads the region from an execute-api URL, and nothing from a custom domain", () => {
        assert.equal(executeApiRegion(FIXTURE_API_URL), FIXTURE_REGION);
        assert.equal(executeApiRegion("https://abc123.execute-api.cn-north-1.amazonaws.com.cn/"), "cn-north-1");
        assert.equal(executeApiRegion("https://api.example.com/"), undefined);
    });

    it("hashes like node:crypto, with and without a secret, across reset", async () => {
        const hash = new NodeSha256();
        hash.update("abc");
        assert.equal(Buffer.from(await hash.digest()).toString("hex"), sha256("abc"));
        hash.reset();
        hash.update(new TextEncoder().encode("xyz"));
        assert.equal(Buffer.from(await hash.digest()).toString("hex"), sha256("xyz"));
        const keyed = new NodeSha256("key");
        keyed.update("data");
        assert.equal(Buffer.from(await keyed.digest()).toString("hex"), hmac("key", "data").toString("hex"));
    });
});
