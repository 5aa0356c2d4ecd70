import { strict as assert } from "node:assert";
import { AWS_REGIONS, regionProblem } from "../../../infra/lib/regions";

describe("lib: regions", () => {
    it("takes the provider's region list, every partition's", () => {
        assert.ok(AWS_REGIONS.length > 20);
        for (const region of AWS_REGIONS) {
            assert.equal(regionProblem(region), undefined, region);
        }
    });

    it("refuses a region that does not exist, with the nearest ones when there are any", () => {
        assert.match(regionProblem("ap-southeast-99") ?? "", /^"ap-southeast-99" is not an AWS region .* Did you mean "ap-southeast-\d+"/);
        assert.equal(regionProblem("europe"), '"europe" is not an AWS region the provider (@pulumi/aws) knows.');
    });
});
