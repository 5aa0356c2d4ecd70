import { strict as assert } from "node:assert";
import {
    FALLBACK_REGION,
    MULTI_AZ_FACTOR,
    PERFORMANCE_INSIGHTS_FREE_DAYS,
    PRICES,
    PRICE_DATE,
    Price,
    PricedRegion,
    RDS_CLASS_VCPUS,
    RDS_PROXY_MIN_VCPUS,
    isPricedRegion,
} from "../../../tools/cost/prices";
import { FIXTURE_REGION } from "../../helpers/fixtureValues";
import { fixtureSettings } from "../../helpers/stackPlan";

const regions = Object.keys(PRICES) as PricedRegion[];

function allPrices(region: PricedRegion): [string, Price][] {
    const { rdsInstanceHour, ...rest } = PRICES[region];
    return [...Object.entries(rdsInstanceHour).map(([cls, p]) => [`rdsInstanceHour ${cls}`, p] as [string, Price]), ...Object.entries(rest)];
}

describe("cost: prices (the price table)", () => {
    it("is dated", () => {
        assert.match(PRICE_DATE, /^\d{4}-\d{2}-\d{2}$/);
        assert.ok(!Number.isNaN(Date.parse(PRICE_DATE)));
    });

    // A stack in a region without prices is priced as the fallback with a warning (estimate.test.ts),
    // so which regions the table holds is the table's business, not the stack files'.
    it("covers the fallback region and the fixture project's region, and knows what it does not cover", () => {
        assert.ok(isPricedRegion(FALLBACK_REGION));
        for (const region of regions) {
            assert.ok(isPricedRegion(region), region);
        }
        for (const stack of ["small", "hardened"] as const) {
            assert.ok(isPricedRegion(fixtureSettings(stack)["aws:region"]), stack);
        }
        assert.equal(isPricedRegion(FIXTURE_REGION), false);
        assert.equal(isPricedRegion(undefined), false);
    });

    for (const region of regions) {
        it(`gives every ${region} price a positive amount, a unit, an https source and what the page showed`, () => {
            for (const [key, price] of allPrices(region)) {
                assert.ok(price.usd > 0, key);
                assert.ok(price.per.length > 0, key);
                assert.match(price.source, /^https:\/\//, key);
                assert.ok(price.evidence.length > 10, key);
                // An unconfirmed price says so in its own words, so the printout never passes it off as read.
                assert.equal(price.evidence.startsWith("not confirmed"), !price.confirmed, `${region} ${key}: ${price.evidence}`);
            }
        });
    }

    it("prices the same instance classes in every region, and knows each one's vCPUs", () => {
        const classes = regions.map((r) => Object.keys(PRICES[r].rdsInstanceHour).sort());
        assert.deepEqual(classes[0], classes[1]);
        for (const cls of classes[0]!) {
            assert.ok(RDS_CLASS_VCPUS.value[cls]! > 0, cls);
        }
    });

    it("prices the fixture stacks' instance classes in every region", () => {
        for (const stack of ["small", "hardened"] as const) {
            const cls = fixtureSettings(stack).dbInstanceClass!;
            for (const region of regions) {
                assert.ok(PRICES[region].rdsInstanceHour[cls], `${stack}: ${cls} in ${region}`);
            }
        }
    });

    it("states the facts it multiplies by with their sources", () => {
        assert.equal(MULTI_AZ_FACTOR.value, 2);
        assert.equal(RDS_PROXY_MIN_VCPUS.value, 2);
        assert.equal(PERFORMANCE_INSIGHTS_FREE_DAYS.value, 7);
        for (const fact of [MULTI_AZ_FACTOR, RDS_PROXY_MIN_VCPUS, PERFORMANCE_INSIGHTS_FREE_DAYS, RDS_CLASS_VCPUS]) {
            assert.match(fact.source, /^https:\/\//);
            assert.equal(fact.evidence.startsWith("not confirmed"), !fact.confirmed, fact.evidence);
        }
    });
});
