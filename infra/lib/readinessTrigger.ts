import { contentHash } from "./hash";

/**
 * What the readiness check proves: that this client code logs in through this proxy, as this login, to this instance.
 * When none of it changed, a redeploy does not run the check again (the Invocation's triggers are unchanged); when any
 * of it did, the check runs before the API, the relay and the projector are updated.
 */
export interface ReadinessInputs {
    /** The proxy's endpoint: a new proxy (an AZ change) has a new one. */
    readonly proxyEndpoint: string;
    /**
     * The proxy target's id, `<proxy>/<target group>/<type>/<instance identifier>` (terraform-provider-aws
     * internal/service/rds/proxy_target.go): a new registration on another proxy or of another instance changes it.
     */
    readonly proxyTargetId: string;
    /** The instance's `db-…` resource id: a replaced instance keeps its identifier but not this. */
    readonly databaseResourceId: string;
    /** How the app user logs in: `iam:<user>`, or the secret's version in secret mode (a new password). */
    readonly appLogin: string;
    /** The probe's bundle, that is the app's connection code (mysql2, TLS, IAM token or secret client). */
    readonly code: string;
}

/** The value of the readiness Invocation's trigger: it changes, and the check runs again, when any input does. */
export function readinessTrigger(inputs: ReadinessInputs): string {
    return contentHash(inputs.proxyEndpoint, inputs.proxyTargetId, inputs.databaseResourceId, inputs.appLogin, inputs.code);
}
