/**
 * Values tests use only as input data (ARNs, hosts, names, signing scopes): the tests' own, never
 * this repository's. A fork renames the project, moves its region and adds stacks; none of that may
 * change a test, so no test spells the committed project name, region or stacks.
 */

/** The fixture project's name (test/fixtures/project/Pulumi.yaml); any valid project name would do. */
export const FIXTURE_PROJECT = "acme-orders";

/** A stack name of the fixture project (test/fixtures/project/Pulumi.small.yaml). */
export const FIXTURE_STACK = "small";

/**
 * A region for input data. Deliberately neither the plan mocks' fallback (us-east-1) nor a region the
 * cost tables price, so code that ignores the region it is given, or assumes a priced one, fails.
 */
export const FIXTURE_REGION = "ca-central-1";

/** AWS's documented example account id (used throughout the AWS docs); the plan mocks use it too. */
export const FIXTURE_ACCOUNT = "123456789012";

/** `<project>-<stack>`, the prefix physical names carry. */
export const FIXTURE_PREFIX = `${FIXTURE_PROJECT}-${FIXTURE_STACK}`;

/** An ARN in the fixture partition, region and account. */
export function fixtureArn(service: string, resource: string, region: string = FIXTURE_REGION): string {
    return `arn:aws:${service}:${region}:${FIXTURE_ACCOUNT}:${resource}`;
}

/** The invoke URL API Gateway gives an HTTP API's default stage in the fixture region. */
export const FIXTURE_API_URL = `https://abc123.execute-api.${FIXTURE_REGION}.amazonaws.com/`;

/** `text` as a literal inside a RegExp. */
export function escapeRegExp(text: string): string {
    return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
