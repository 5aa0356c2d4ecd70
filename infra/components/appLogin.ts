import * as pulumi from "@pulumi/pulumi";

/**
 * How the application's database user logs in, end to end (API → proxy → MySQL), as the components
 * that wire it see it. `iam`: no password exists anywhere; every hop presents an IAM token. `secret`:
 * a generated password lives in one Secrets Manager secret that the proxy and the API read.
 */
export type AppLogin =
    | { readonly mode: "iam"; readonly user: string }
    | {
          readonly mode: "secret";
          readonly user: string;
          readonly secretArn: pulumi.Output<string>;
          /** Changes whenever the password or the user name changes; `migrate` re-runs on it. */
          readonly secretVersionId: pulumi.Output<string>;
      };

/**
 * A value that changes exactly when the login does: `iam:<user>` in IAM mode (a switch of modes changes it too), the
 * secret's version in secret mode (a new password). `migrate` and the readiness check run again on it.
 */
export function appLoginVersion(login: AppLogin): pulumi.Output<string> {
    return login.mode === "iam" ? pulumi.output(`iam:${login.user}`) : login.secretVersionId;
}
