import { strict as assert } from "node:assert";
import fc from "fast-check";
import { parsePolicyDocument } from "../../../policy/lib/iamDocument";
import { scanNamedValue, scanText } from "../../../policy/lib/secretScanner";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";

const arn = fc
    .tuple(
        fc.constantFrom("secretsmanager", "kms", "rds-db", "logs", "lambda"),
        fc.constantFrom(FIXTURE_REGION, "us-east-1", "ap-southeast-2"),
        fc.stringMatching(/^[0-9]{12}$/),
        fc.stringMatching(/^[A-Za-z0-9/:!_+=.@-]{1,60}$/),
    )
    .map(([service, region, account, resource]) => `arn:aws:${service}:${region}:${account}:${resource}`);

describe("lib: scanner and parser properties", () => {
    it("never flags an ARN, whatever the name", async () => {
        await fc.assert(
            fc.asyncProperty(fc.string({ maxLength: 30 }), arn, async (name, value) => {
                assert.deepEqual(await scanNamedValue(name, value), []);
            }),
        );
    });

    it("never flags numbers and booleans under *_TTL_* and *_SECONDS names", async () => {
        await fc.assert(
            fc.asyncProperty(fc.constantFrom("SECRET_TTL_SECONDS", "TOKEN_TTL", "PASSWORD_CACHE_SECONDS"), fc.oneof(fc.nat(), fc.boolean()), async (name, value) => {
                assert.deepEqual(await scanNamedValue(name, value), []);
                assert.deepEqual(await scanNamedValue(name, String(value)), []);
            }),
        );
    });

    it("always flags a literal of 6+ letters and digits under DB_PASSWORD", async () => {
        await fc.assert(
            fc.asyncProperty(fc.stringMatching(/^[a-z0-9]{6,20}$/), async (value) => {
                assert.equal((await scanNamedValue("DB_PASSWORD", value)).length, 1);
            }),
        );
    });

    it("never throws on arbitrary text or documents", async () => {
        await fc.assert(
            fc.asyncProperty(fc.string({ maxLength: 200 }), async (text) => {
                await scanText(text, { yaml: true });
                parsePolicyDocument(text);
            }),
        );
        fc.assert(
            fc.property(fc.jsonValue(), (value) => {
                parsePolicyDocument(value);
                parsePolicyDocument({ Statement: value });
            }),
        );
    });
});
