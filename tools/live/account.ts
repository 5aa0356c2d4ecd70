import { LiveUsageError } from "./errors";
import type { AwsAccount } from "./ports";

/** What the stack about to be deployed asks of the account, read from its plan (cli.ts). */
export interface StackDemands {
    readonly instanceClass: string;
    /** The stack's `dbEngineVersion`: a major (8.4) or a pinned minor (8.4.6). */
    readonly engineVersion: string;
    /** Functions with reserved concurrency, by logical name. */
    readonly reservedConcurrency: Readonly<Record<string, number>>;
}

/**
 * Lambda lets reservations take the account's unreserved concurrency down to 100 and no further ("You can reserve
 * up to the Unreserved account concurrency value … minus 100", https://docs.aws.amazon.com/lambda/latest/dg/configuration-concurrency.html);
 * accounts with a small quota report a smaller floor in the refusal, but never one that a 10-execution account can meet.
 */
export const MIN_UNRESERVED_CONCURRENCY = 100;

/** Below this quota (new accounts start at 10) the functions share too little to serve load: said, not refused. */
const LOW_CONCURRENCY_QUOTA = 100;

/**
 * Checks before anything is deployed that the account can take the stack: the DB instance class is orderable for
 * MySQL at the stack's engine version in this region (the offline plan only knows the class types), and the
 * stack's concurrency reservations fit the account's quota. A shortfall is the environment's, not the code's:
 * LiveUsageError (exit 2), with the fix. Returns a line saying what was found.
 */
export async function checkAccount(aws: AwsAccount, demands: StackDemands): Promise<string> {
    const { instanceClass, engineVersion } = demands;
    const versions = await aws.orderableMysqlVersions(instanceClass);
    const matching = versions.filter((v) => v === engineVersion || v.startsWith(`${engineVersion}.`));
    if (matching.length === 0) {
        throw new LiveUsageError(
            `${instanceClass} cannot be ordered for MySQL ${engineVersion} in this region (RDS offers it with ${versions.length > 0 ? `MySQL ${summarise(versions)}` : "no MySQL version here"}). ` +
                `Fix: choose another dbInstanceClass or dbEngineVersion (aws rds describe-orderable-db-instance-options --engine mysql --db-instance-class ${instanceClass})`,
        );
    }
    const { limit, unreserved } = await aws.lambdaConcurrency();
    const reservations = Object.entries(demands.reservedConcurrency).filter(([, n]) => n > 0);
    const reserved = reservations.reduce((sum, [, n]) => sum + n, 0);
    if (reserved > 0 && unreserved - reserved < MIN_UNRESERVED_CONCURRENCY) {
        throw new LiveUsageError(
            `the stack reserves ${reserved} concurrent executions (${reservations.map(([name, n]) => `${name}: ${n}`).join(", ")}), ` +
                `but the account has ${unreserved} unreserved of ${limit}, and Lambda keeps at least ${MIN_UNRESERVED_CONCURRENCY} unreserved. ` +
                `Fix: request a higher "Concurrent executions" quota in Service Quotas (Lambda), or turn the reservation off for this account`,
        );
    }
    const quota =
        limit < LOW_CONCURRENCY_QUOTA
            ? `Lambda concurrency quota ${limit}: enough for this test, not for load (docs/operations.md, "Concurrency on a new account")`
            : `Lambda concurrency ${unreserved} unreserved of ${limit}`;
    return `${instanceClass} orderable with MySQL ${summarise(matching)}; ${quota}`;
}

function summarise(versions: readonly string[]): string {
    const sorted = [...new Set(versions)].sort((a, b) => a.localeCompare(b, "en", { numeric: true }));
    return sorted.length <= 3 ? sorted.join(", ") : `${sorted[0]} … ${sorted.at(-1)}`;
}
