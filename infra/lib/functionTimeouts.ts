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

/** How often EventBridge Scheduler starts a relay run (its `rate(1 minute)`, the shortest rate it takes). */
export const RELAY_SCHEDULE_PERIOD_SECONDS = 60;

/**
 * The relay's timeout: long enough that each run is still draining when the next one starts and waits for its lease
 * (app/src/outbox/relay.ts), which is when it hands over. Scheduler invokes "with 60 second precision" (anywhere in
 * the minute a run is due: https://docs.aws.amazon.com/scheduler/latest/UserGuide/schedule-types.html), so two runs
 * may start up to two periods apart; 30 s more cover the next run's cold start in the VPC and this run's 10 s reserve
 * for its last round. Runs hand over after about a period, so the timeout costs nothing while runs keep coming; it
 * bounds how long a run that died without releasing holds the lease (its remaining time + 5 s). The relay holds no
 * pooled connection while it polls (RDS Proxy multiplexes between statements), and its timeout is never the
 * shortest, so it never bounds the borrow timeout.
 */
export const RELAY_TIMEOUT_SECONDS = 2 * RELAY_SCHEDULE_PERIOD_SECONDS + 30;
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
