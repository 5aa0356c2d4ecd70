/**
 * The timeouts of the functions that reach the database through RDS Proxy, and how long the proxy may make them
 * wait for a connection.
 *
 * When every pooled connection is in use, RDS Proxy holds a client for up to the target group's
 * `ConnectionBorrowTimeout` before refusing it ("how many seconds for a connection to become available";
 * https://docs.aws.amazon.com/AmazonRDS/latest/APIReference/API_ConnectionPoolConfiguration.html). A function whose
 * own timeout is shorter is killed while it waits: API Gateway answers its generic 503/504 and the app's 503 with
 * `Retry-After` never goes out; the projector's delivery is retried blind. So the borrow timeout must end early
 * enough to leave the function time to give up cleanly.
 */

/** The relay's timeout: a run drains for its budget minus a reserve, and the schedule starts one every minute. */
export const RELAY_TIMEOUT_SECONDS = 60;
/** The projector's: one event, two or three statements. */
export const PROJECTOR_TIMEOUT_SECONDS = 10;

/** What a function needs after a refused borrow: log, count the refusal, answer 503 (or throw for a retry). */
export const BORROW_TIMEOUT_MARGIN_SECONDS = 2;

/** The longest borrow timeout that leaves every function using the proxy its margin. */
export function maxBorrowTimeoutSeconds(functions: { readonly apiTimeoutSeconds: number; readonly events: boolean }): { readonly seconds: number; readonly limitedBy: string } {
    const users = [
        { name: "the API function (lambdaTimeoutSeconds)", timeout: functions.apiTimeoutSeconds },
        ...(functions.events
            ? [
                  { name: "the projector", timeout: PROJECTOR_TIMEOUT_SECONDS },
                  { name: "the relay", timeout: RELAY_TIMEOUT_SECONDS },
              ]
            : []),
    ];
    const shortest = users.reduce((a, b) => (b.timeout < a.timeout ? b : a));
    return { seconds: Math.max(0, shortest.timeout - BORROW_TIMEOUT_MARGIN_SECONDS), limitedBy: `${shortest.name}, ${shortest.timeout} s` };
}
