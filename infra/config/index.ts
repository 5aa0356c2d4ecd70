/**
 * The stack configuration: one schema (settings.ts) from which the typed configuration (types.ts), the validation
 * (parse.ts, rules.ts) and the reference (docs/configuration.md) are derived; loadConfig reads it at `pulumi up`.
 */
import { MASTER_USERNAME } from "./limits";

export { ConfigError } from "./errors";
export { loadConfig } from "./load";
export { ConfigSource, parseConfig } from "./parse";
export { SETTINGS, SettingName } from "./settings";
export type { ApiAuthSettings, BlueprintConfig, DatabaseSettings, LogLevel, ObservabilitySettings, ProxySettings } from "./types";

/** The master user RDS creates; its password lives only in the RDS-managed secret. */
export const masterUsername = MASTER_USERNAME;

/** The settings under their former name (tests read defaults from it). */
export { SETTINGS as CONFIG_KEYS } from "./settings";
export type { SettingName as ConfigKey } from "./settings";
