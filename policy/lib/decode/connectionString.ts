/**
 * `Key=Value;Key=Value` connection strings (ADO.NET, ODBC, Azure Storage and Service Bus), as
 * named values: `AccountKey=...` (trufflehog AzureStorage), `SharedAccessKey=...` (trufflehog
 * AzureSASToken / Service Bus), `Password=...`, `Pwd=...`. The scanner decides by the key's name.
 */
import type { NamedValue } from "./shell";

/** At least two `key=value` pairs separated by semicolons, nothing else. */
const CONNECTION_STRING = /^\s*[A-Za-z][\w ]*=[^;]*(?:;\s*[A-Za-z][\w ]*=[^;]*)+;?\s*$/;

/** The pairs of a connection string, or undefined when `text` is not one. */
export function connectionStringPairs(text: string): NamedValue[] | undefined {
    if (!CONNECTION_STRING.test(text)) {
        return undefined;
    }
    return text
        .split(";")
        .map((part) => part.trim())
        .filter((part) => part.includes("="))
        .map((part) => ({ name: part.slice(0, part.indexOf("=")).trim(), value: part.slice(part.indexOf("=") + 1).trim() }));
}
