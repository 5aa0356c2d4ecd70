import { strict as assert } from "node:assert";
import { decodeLayers } from "../../../../policy/lib/decode/layers";
import { generatedPassword } from "../../../helpers/policyFixtures";

describe("lib/decode: layers", () => {
    const pw = generatedPassword();

    it("gives nothing for plain words and single settings", () => {
        assert.deepEqual(decodeLayers("index.handler"), []);
        assert.deepEqual(decodeLayers("debug"), []);
    });

    it("reads a connection string as nothing else, and the storage emulator's as nothing at all", () => {
        const layers = decodeLayers(`Server=db;User Id=app;Password=${pw};`);
        assert.equal(layers.length, 1);
        assert.deepEqual(layers[0]!.named.map((n) => n.name), ["Server", "User Id", "Password"]);
        assert.deepEqual(decodeLayers(`DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=${pw}`), []);
    });

    it("names the layer each value came from", () => {
        const [json] = decodeLayers(JSON.stringify({ db: { password: pw } }));
        assert.deepEqual(json!.named, [{ name: "password", value: pw, where: 'holds a JSON document whose "db.password"' }]);
        const [base64] = decodeLayers(Buffer.from(`PGPASSWORD=${pw} psql`).toString("base64"));
        assert.deepEqual(base64!.texts, [{ text: `PGPASSWORD=${pw} psql`, where: "holds base64 that decodes to text which" }]);
    });

    it("reports cloud-init password hashes as findings of the layer itself", () => {
        const layers = decodeLayers(`#cloud-config\nusers:\n  - name: app\n    passwd: "$6$salt$${"h".repeat(40)}"\n`);
        assert.deepEqual(layers.flatMap((l) => l.findings).map((f) => f.kind), ["password-hash"]);
    });
});
