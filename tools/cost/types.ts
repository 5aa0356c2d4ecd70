/** The shapes the cost estimate works on and returns. */
import type { Fact, Price, RegionPrices } from "./prices";

/** One planned resource; only these fields are read (a PlannedResource fits). */
export interface CostResource {
    readonly type: string;
    readonly name: string;
    readonly inputs: Readonly<Record<string, unknown>>;
}

/** One part of a resource's fixed monthly floor. */
export interface FixedItem {
    readonly type: string;
    readonly name: string;
    /** Which part of the resource: "DB instance", "storage", "RDS-managed master secret". */
    readonly what: string;
    /** USD a month, rounded to the cent. */
    readonly monthly: number;
    /** How the amount is made: "730 h × $0.018 (db.t4g.micro, single-AZ)". */
    readonly unit: string;
    /** The pricing pages, with "(not confirmed …)" when a price in it could not be confirmed. */
    readonly source: string;
    readonly confirmed: boolean;
}

/** One usage-priced meter of a resource, with its amount in the worked example. */
export interface UsageItem {
    readonly type: string;
    readonly name: string;
    readonly what: string;
    /** USD per unit. */
    readonly unitPrice: number;
    /** "$0.20 per 1M requests". */
    readonly unit: string;
    /** How many units the worked example uses. */
    readonly quantity: number;
    /** USD a month in the worked example, rounded to the cent. */
    readonly monthly: number;
    /** Where the quantity comes from. */
    readonly assumption: string;
    readonly source: string;
    readonly confirmed: boolean;
}

export interface FreeResource {
    readonly type: string;
    readonly name: string;
    readonly reason: string;
}

/** A resource, or part of one, the table cannot price: never counted as $0. */
export interface NotPriced {
    readonly type: string;
    readonly name: string;
    readonly reason: string;
}

/** What a pricing rule sees: the region's prices and the whole plan (a proxy needs its target's class). */
export interface PricingContext {
    readonly prices: RegionPrices;
    readonly resources: readonly CostResource[];
}

export type Priced = Price | Fact<unknown>;

/** Marks a page in a source field when a price taken from it could not be confirmed there. */
export const UNCONFIRMED_MARK = " (not confirmed from this page, see docs/costs.md)";

/** The source field of an item: its pages, each marked when a price taken from it is not confirmed. */
export function sourceOf(...prices: readonly Priced[]): { source: string; confirmed: boolean } {
    const urls = [...new Set(prices.map((p) => p.source))];
    const marked = urls.map((url) => `${url}${prices.every((p) => p.source !== url || p.confirmed) ? "" : UNCONFIRMED_MARK}`);
    return { source: marked.join(" ; "), confirmed: prices.every((p) => p.confirmed) };
}

/** USD rounded to the cent. */
export function cents(usd: number): number {
    return Math.round(usd * 100) / 100;
}

/** A price as printed: "$0.40", "$0.0165", "$0.0000133334". */
export function money(usd: number): string {
    return Number.isInteger(Math.round(usd * 1e6) / 1e4) ? `$${usd.toFixed(2)}` : `$${usd}`;
}
