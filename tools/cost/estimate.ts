/**
 * Prices a plan: each planned resource is priced (fixed floor and usage meters), free (with the reason from
 * resourceTypes.ts) or not priced. Pure: no Pulumi, no I/O; `npm run cost` and `npm run plan` call it.
 *
 * Regions: the table holds eu-west-1 (the committed stacks) and us-east-1. Another region is priced with
 * us-east-1's numbers and a warning rather than refused, so a fork still gets the shape of its bill; us-east-1
 * is among the cheapest regions, so the warning says to expect more.
 */
import { FIXED_RULES } from "./fixed";
import { FALLBACK_REGION, PRICE_DATE, PRICES, PricedRegion, isPricedRegion } from "./prices";
import { treatmentOf } from "./resourceTypes";
import { CostResource, FixedItem, FreeResource, NotPriced, PricingContext, UsageItem, cents } from "./types";
import { EXAMPLE_ASSUMPTIONS, USAGE_RULES, UsageAssumptions, describeAssumptions, trafficModel } from "./usage";

export interface CostEstimate {
    /** The region the plan deploys to, when the plan says. */
    readonly region: string | undefined;
    /** The region whose prices were used. */
    readonly pricedRegion: PricedRegion;
    readonly priceDate: string;
    readonly warnings: readonly string[];
    /** The fixed monthly floor, part by part. */
    readonly items: readonly FixedItem[];
    readonly fixedMonthlyTotal: number;
    /** Usage-priced meters with their amount in the worked example. */
    readonly usage: readonly UsageItem[];
    readonly example: {
        readonly requestsPerMonth: number;
        readonly assumptions: readonly string[];
        readonly usageMonthlyTotal: number;
        /** Fixed floor plus the example's usage. */
        readonly monthlyTotal: number;
    };
    readonly free: readonly FreeResource[];
    readonly notPriced: readonly NotPriced[];
}

export interface EstimateOptions {
    /** Overrides the region read from the plan's AWS provider. */
    readonly region?: string;
    readonly assumptions?: Partial<UsageAssumptions>;
}

/** The region the plan's AWS provider deploys to. */
export function planRegion(resources: readonly CostResource[]): string | undefined {
    const provider = resources.find((r) => r.type === "pulumi:providers:aws" && typeof r.inputs.region === "string");
    return provider?.inputs.region as string | undefined;
}

/** Why a resource whose type is listed as free still cannot be called free, if it cannot. */
function freeButFor(resource: CostResource): string | undefined {
    if (resource.type === "awsx:ec2:Vpc") {
        const strategy = (resource.inputs.natGateways as { strategy?: unknown } | undefined)?.strategy;
        // awsx's default is one NAT gateway per AZ; the blueprint plans none.
        return strategy === "None" ? undefined : `NAT gateways (strategy ${String(strategy ?? "OnePerAz, the awsx default")}) are not in the price table`;
    }
    return undefined;
}

export function estimateCost(resources: readonly CostResource[], options: EstimateOptions = {}): CostEstimate {
    const region = options.region ?? planRegion(resources);
    const warnings: string[] = [];
    let pricedRegion: PricedRegion = FALLBACK_REGION;
    if (isPricedRegion(region)) {
        pricedRegion = region;
    } else {
        warnings.push(
            `the price table has no prices for ${region ?? "this plan (it names no region)"}; using ${FALLBACK_REGION}'s, ` +
                `which are among the lowest: expect the real bill to be higher. Add the region to tools/cost/prices.ts.`,
        );
    }
    const ctx: PricingContext = { prices: PRICES[pricedRegion], resources };
    const assumptions: UsageAssumptions = { ...EXAMPLE_ASSUMPTIONS, ...options.assumptions };
    const model = trafficModel(resources, assumptions);

    const items: FixedItem[] = [];
    const usage: UsageItem[] = [];
    const free: FreeResource[] = [];
    const notPriced: NotPriced[] = [];
    for (const resource of resources) {
        const treatment = treatmentOf(resource.type);
        if (!treatment) {
            notPriced.push({ type: resource.type, name: resource.name, reason: "type not in the price table (tools/cost/resourceTypes.ts)" });
            continue;
        }
        if (treatment.kind === "free") {
            const unless = freeButFor(resource);
            if (unless) {
                notPriced.push({ type: resource.type, name: resource.name, reason: unless });
            } else {
                free.push({ type: resource.type, name: resource.name, reason: treatment.reason });
            }
            continue;
        }
        const fixedRule = treatment.fixed ? FIXED_RULES[resource.type] : undefined;
        if (fixedRule) {
            const result = fixedRule(resource, ctx);
            items.push(...result.items);
            notPriced.push(...result.notPriced.map((reason) => ({ type: resource.type, name: resource.name, reason })));
        }
        const usageRule = treatment.usage ? USAGE_RULES[resource.type] : undefined;
        if (usageRule) {
            const result = usageRule(resource, ctx, model);
            usage.push(...result.items);
            notPriced.push(...result.notPriced);
        }
    }

    const fixedMonthlyTotal = cents(items.reduce((sum, i) => sum + i.monthly, 0));
    const usageMonthlyTotal = cents(usage.reduce((sum, i) => sum + i.monthly, 0));
    return {
        region,
        pricedRegion,
        priceDate: PRICE_DATE,
        warnings,
        items,
        fixedMonthlyTotal,
        usage,
        example: {
            requestsPerMonth: assumptions.requestsPerMonth,
            assumptions: describeAssumptions(assumptions),
            usageMonthlyTotal,
            monthlyTotal: cents(fixedMonthlyTotal + usageMonthlyTotal),
        },
        free,
        notPriced,
    };
}
