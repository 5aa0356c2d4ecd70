import { strict as assert } from "node:assert";
import { apiAuthOf, authenticatedClient } from "../../../tools/live/auth";
import { LiveUsageError } from "../../../tools/live/errors";
import type { HttpClient, HttpRequest } from "../../../tools/live/http";
import { FIXTURE_API_URL, FIXTURE_REGION } from "../../helpers/fixtureValues";

const API = FIXTURE_API_URL;
const credentials = { accessKeyId: "AKIDEXAMPLE", secretAccessKey: "secret", sessionToken: "token" };

function recorder(): { client: HttpClient; sent: HttpRequest[] } {
    const sent: HttpRequest[] = [];
    return {
        sent,
        client: async (request) => {
            sent.push(request);
            return { status: 200, headers: {}, body: "" };
        },
    };
}

const health: HttpRequest = { method: "GET", url: `${API}health`, headers: {} };

describe("live: auth", () => {
    it("reads apiAuth from the stack outputs, and treats a stack without it as open", () => {
        assert.equal(apiAuthOf({ apiAuth: "iam" }), "iam");
        assert.equal(apiAuthOf({ apiAuth: "jwt" }), "jwt");
        assert.equal(apiAuthOf({ apiAuth: "none" }), "none");
        assert.equal(apiAuthOf({ apiUrl: API }), "none");
        assert.throws(() => apiAuthOf({ apiAuth: "cognito" }), /apiAuth is "cognito"; the live test knows iam, jwt, none/);
    });

    it("signs with SigV4 for execute-api in the API's region when apiAuth is iam", async () => {
        const { client, sent } = recorder();
        await authenticatedClient("iam", API, client, { credentials, region: "us-east-1" })(health);
        assert.match(sent[0]?.headers.authorization ?? "", new RegExp(`^AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/\\d{8}/${FIXTURE_REGION}/execute-api/aws4_request`));
        assert.equal(sent[0]?.headers["x-amz-security-token"], "token");
    });

    it("falls back to the stack's region for a custom domain", async () => {
        const { client, sent } = recorder();
        await authenticatedClient("iam", "https://api.example.com/", client, { credentials, region: "eu-central-1" })({ ...health, url: "https://api.example.com/health" });
        assert.match(sent[0]?.headers.authorization ?? "", /\/eu-central-1\/execute-api\//);
    });

    it("sends the bearer token when apiAuth is jwt", async () => {
        const { client, sent } = recorder();
        await authenticatedClient("jwt", API, client, { credentials, jwt: "eyJ.token" })(health);
        assert.equal(sent[0]?.headers.authorization, "Bearer eyJ.token");
    });

    it("refuses jwt without LIVE_TEST_JWT, as a usage error (exit 2)", () => {
        const { client } = recorder();
        assert.throws(
            () => authenticatedClient("jwt", API, client, { credentials }),
            (error: Error) => error instanceof LiveUsageError && /set LIVE_TEST_JWT/.test(error.message),
        );
    });

    it("sends requests unchanged when apiAuth is none", async () => {
        const { client, sent } = recorder();
        await authenticatedClient("none", API, client, { credentials })(health);
        assert.deepEqual(sent[0], health);
    });
});
