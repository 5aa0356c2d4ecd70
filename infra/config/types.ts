import type { Group, GroupOf } from "./setting";
import type { Settings } from "./settings";

/** The fields a group of settings (settings.ts) contributes to the typed configuration, named and typed as declared there. */
export type SettingsOf<G extends Group> = GroupOf<Settings, G>;

/** The application log level; Lambda's own log filter and Powertools are both set from it. */
export type LogLevel = SettingsOf<"stack">["logLevel"];

/** `db*` settings, for the Database component. */
export type DatabaseSettings = SettingsOf<"database">;

/** `proxy*` settings, for the DatabaseProxy component. */
export type ProxySettings = SettingsOf<"proxy">;

/** How callers of the HTTP API authenticate (`apiAuth`, and for `jwt` the issuer and audiences). */
export type ApiAuthSettings =
    | { readonly mode: "iam" }
    | { readonly mode: "jwt"; readonly issuer: string; readonly audience: readonly string[] }
    | { readonly mode: "none" };

/** Alarms and their notifications (`alarm*`). `alarmEmail` undefined: the alarms notify the topic, which nobody is subscribed to. */
export type ObservabilitySettings = SettingsOf<"observability"> & { readonly thresholds: SettingsOf<"thresholds"> };

/**
 * The stack configuration, validated and grouped by the component that consumes it. Every field but the names and the
 * region comes from a setting in settings.ts: its `group` is the field here, its `field` the name inside it
 * (stack-wide settings sit at the top level).
 */
export interface BlueprintConfig extends Omit<SettingsOf<"stack">, "tags"> {
    readonly project: string;
    readonly stack: string;
    readonly region: string;
    /** Prefix of every resource name: `<project>-<stack>`. */
    readonly name: string;
    /** `tags` and the three the blueprint always sets: project, stack and managed-by. */
    readonly tags: Readonly<Record<string, string>>;
    readonly network: SettingsOf<"network">;
    readonly database: DatabaseSettings;
    readonly auth: SettingsOf<"auth">;
    readonly proxy: ProxySettings;
    readonly lambda: SettingsOf<"lambda">;
    readonly api: SettingsOf<"api"> & { readonly auth: ApiAuthSettings };
    readonly observability: ObservabilitySettings;
}
