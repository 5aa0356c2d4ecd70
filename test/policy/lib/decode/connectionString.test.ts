import { strict as assert } from "node:assert";
import { connectionStringPairs } from "../../../../policy/lib/decode/connectionString";

describe("lib/decode: connectionString", () => {
    it("reads the pairs of an Azure Storage connection string", () => {
        const pairs = connectionStringPairs("DefaultEndpointsProtocol=https;AccountName=acct;AccountKey=abc==;EndpointSuffix=core.windows.net");
        assert.deepEqual(pairs?.map((p) => p.name), ["DefaultEndpointsProtocol", "AccountName", "AccountKey", "EndpointSuffix"]);
        assert.equal(pairs?.find((p) => p.name === "AccountKey")?.value, "abc==");
    });

    it("is not fooled by a single assignment or a URL query", () => {
        assert.equal(connectionStringPairs("LOG_LEVEL=debug"), undefined);
        assert.equal(connectionStringPairs("https://example.com/?a=1&b=2"), undefined);
    });
});
