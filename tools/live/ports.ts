/**
 * The seams of the live test: what the orchestration in run.ts needs from the outside world.
 * cli.ts wires the real ones (Automation API, fetch, the system clock, stdout); tests pass fakes.
 */

/** Milliseconds since some fixed point, and a way to wait. */
export interface Clock {
    now(): number;
    sleep(ms: number): Promise<void>;
}

/** Where progress lines go (stdout in the CLI). One call per line, without the newline. */
export type LogSink = (line: string) => void;

/** What a preview would do. */
export interface PreviewOutcome {
    /** Operation → number of resources, as the engine counts them (`same`, `create`, `update`, …). */
    readonly changeSummary: Readonly<Record<string, number>>;
    /** One line per resource that would change: operation, URN and the properties that differ. */
    readonly changes: readonly string[];
}

/** A stack created for one live run. Every operation streams the engine's output to the log. */
export interface LiveStack {
    /** `pulumi up` with the policy pack; the stack outputs as plain values. */
    up(): Promise<Readonly<Record<string, unknown>>>;
    /** `pulumi preview` with the policy pack. */
    preview(): Promise<PreviewOutcome>;
    /**
     * Lifts what would make `destroy` fail or leave something behind (RDS deletion protection, a
     * final snapshot). Returns one line per change made; none when there was nothing to lift.
     */
    prepareDestroy(): Promise<readonly string[]>;
    /** `pulumi destroy`. */
    destroy(): Promise<void>;
}

/** The workspace that holds the live stack: its backend and its settings file. */
export interface LiveWorkspace {
    /** The name of the stack this run creates, e.g. `dev-live-3f9a1c`. */
    readonly stackName: string;
    /**
     * Creates the stack with the committed stack's configuration. On failure nothing is left
     * behind (a half-created stack is removed before the error is thrown).
     */
    createStack(): Promise<LiveStack>;
    /** Removes the (empty) stack from the backend and deletes the settings file it created. */
    removeStack(): Promise<void>;
}

/** What the live test asks AWS directly, besides deploying: what the account offers, and the stack's alarms. */
export interface AwsAccount {
    /** Every MySQL version with which RDS offers this DB instance class in the region (DescribeOrderableDBInstanceOptions). */
    orderableMysqlVersions(instanceClass: string): Promise<readonly string[]>;
    /** Lambda's GetAccountSettings: the account's concurrency quota and how much of it is not reserved. */
    lambdaConcurrency(): Promise<{ readonly limit: number; readonly unreserved: number }>;
    /** The names of the metric alarms with an action on this topic. */
    alarmsNotifying(topicArn: string): Promise<readonly string[]>;
    setAlarmState(alarmName: string, state: "ALARM" | "OK", reason: string): Promise<void>;
    /** The alarm's action history since `since` (DescribeAlarmHistory, type Action): CloudWatch's summary of each. */
    alarmActions(alarmName: string, since: Date): Promise<readonly { readonly timestamp: Date; readonly summary: string }[]>;
}
