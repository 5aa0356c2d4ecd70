/**
 * Credentials on shell command lines (user data, container commands, .env-style values), as
 * named values for the scanner's password-like-name check:
 * - assignments before a command: `PGPASSWORD=... psql -h db`, `env API_TOKEN=... ./run`;
 * - options that carry a credential: `curl -u user:pass` (gitleaks curl-auth-user), `-H "Authorization:
 *   Bearer ..."` (gitleaks curl-auth-header), `--user=user:pass`, `docker login -p ...`, `--password=...`,
 *   `--token ...`, `mysql -p<password>`, `sshpass -p ...`.
 * Hand-written rather than a shell parser: one line at a time, no expansion, and only these
 * shapes are needed; quoted words are unquoted, `$VAR` values are left to the placeholder check.
 */

export interface NamedValue {
    name: string;
    value: string;
}

/** Words of a line, as the shell splits them: quoted parts may sit inside a word (`A="x y"`) and lose their quotes. */
export function shellWords(line: string): string[] {
    // A word is a run of quoted strings, command substitutions (`$(...)`, one level of nesting, and
    // backquotes) and other non-blank characters.
    const word = /(?:"(?:[^"\\]|\\.)*"|'[^']*'|\$\((?:[^()]|\([^()]*\))*\)|`[^`]*`|[^\s"'`])+/g;
    return [...line.matchAll(word)].map((m) => m[0].replace(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g, (_, d?: string, q?: string) => d ?? q ?? ""));
}

const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/s;
/** Options whose value is itself an assignment: container environments, build arguments. */
const ENV_OPTIONS = new Set(["-e", "--env", "--build-arg", "--set-env"]);
/** Options whose value is a `user:password` pair (curl, wget, httpie, docker, git credential URLs). */
const USER_PASSWORD_OPTIONS = new Set(["-u", "--user", "--proxy-user", "--http-user"]);
/** MySQL clients take `-p<password>` attached (a bare `-p` prompts); sshpass takes `-p <password>`. */
const MYSQL_CLIENTS = new Set(["mysql", "mysqladmin", "mysqldump", "mysqlsh", "mariadb"]);
/**
 * Container tools whose `-p <password>` is a password only in their `login` subcommand: elsewhere
 * `-p` publishes a port (`docker run -p 8080:80`) or names a path.
 */
const REGISTRY_LOGIN_COMMANDS = new Set(["docker", "podman", "buildah", "skopeo", "helm", "oras", "nerdctl", "crane"]);

/** What `-p` means for a command: a password attached, a password as the next word, or nothing. */
function passwordOption(command: string, words: readonly string[]): "attached" | "next" | undefined {
    if (MYSQL_CLIENTS.has(command)) {
        return "attached";
    }
    if (command === "sshpass" || (REGISTRY_LOGIN_COMMANDS.has(command) && words.includes("login"))) {
        return "next";
    }
    return undefined;
}

/**
 * A credential in an HTTP header option (gitleaks curl-auth-header): `Authorization: Bearer <token>`
 * gives the token under the name "authorization token"; `X-Api-Key: <key>` gives the key under the
 * header's own name, for the scanner to judge.
 */
function headerCredential(header: string): NamedValue | undefined {
    const m = /^\s*([A-Za-z0-9-]+)\s*:\s*(.*)$/s.exec(header);
    if (!m) {
        return undefined;
    }
    const [, name, value] = m as unknown as [string, string, string];
    if (/^authorization$/i.test(name)) {
        const credentials = value.replace(/^(?:Bearer|Basic|Token|Bot)\s+/i, "");
        return credentials === "" ? undefined : { name: "authorization token", value: credentials };
    }
    return { name, value };
}

/** The credentials one shell line carries, by the name they are known under. */
export function shellLineCredentials(line: string): NamedValue[] {
    const words = shellWords(line.replace(/(^|\s)#.*$/, "$1"));
    const found: NamedValue[] = [];
    let i = 0;
    // Leading assignments, also after `export`, `env` or `sudo -E`.
    while (i < words.length && /^(export|env|sudo|-E|readonly|local|declare)$/.test(words[i]!)) {
        i++;
    }
    for (; i < words.length; i++) {
        const m = ASSIGNMENT.exec(words[i]!);
        if (!m) {
            break;
        }
        found.push({ name: m[1]!, value: m[2]! });
    }
    const command = (words[i] ?? "").split("/").pop()!;
    for (let j = i + 1; j < words.length; j++) {
        const word = words[j]!;
        const [option, attached] = word.startsWith("--") && word.includes("=") ? [word.slice(0, word.indexOf("=")), word.slice(word.indexOf("=") + 1)] : [word, undefined];
        const next = () => attached ?? words[j + 1] ?? "";
        const assigned = ENV_OPTIONS.has(option) ? ASSIGNMENT.exec(next()) : null;
        if (assigned) {
            // `docker run -e DB_PASSWORD=...`, `--build-arg NPM_TOKEN=...`, `helm --set db.password=...`
            found.push({ name: assigned[1]!, value: assigned[2]! });
        } else if (option === "-H" || option === "--header") {
            const header = headerCredential(next());
            if (header) {
                found.push(header);
            }
        } else if (USER_PASSWORD_OPTIONS.has(option) || /^-u[^-\s]/.test(word)) {
            const pair = word.startsWith("-u") && word.length > 2 && !word.startsWith("--") ? word.slice(2) : next();
            const colon = pair.indexOf(":");
            if (colon > 0) {
                found.push({ name: "password", value: pair.slice(colon + 1) });
            }
        } else if (option.startsWith("--") && option.length > 2 && option !== "--password-stdin") {
            // --password, --db-password, --token, --api-key, --client-secret...: the scanner decides by the name.
            const value = next();
            if (value !== "" && !value.startsWith("-")) {
                found.push({ name: option.slice(2), value });
            }
        } else if (/^-p/.test(word) && passwordOption(command, words) !== undefined) {
            const value = word.length > 2 ? word.slice(2) : passwordOption(command, words) === "next" ? next() : "";
            if (value !== "") {
                found.push({ name: "password", value });
            }
        }
    }
    return found;
}

/** The credentials of every line of a script (continuation lines joined). */
export function shellCredentials(text: string): NamedValue[] {
    return text.replace(/\\\r?\n/g, " ").split(/\r?\n|;|&&|\|\|/).flatMap(shellLineCredentials);
}
