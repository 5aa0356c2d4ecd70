import * as z from "zod/mini";
import { en } from "zod/locales";

// zod/mini keeps the bundle small (classic zod adds ~450 KB) but ships without messages: the English
// locale is installed once, here. Modules that define schemas import this file for that side effect, and
// import `zod/mini` directly rather than through a re-export, which would defeat tree shaking.
z.config(en());

/** One line per issue, each starting with the field path, e.g. `quantity: Too big: expected number to be <=1000`. */
export function describeIssues(error: z.core.$ZodError, root = "body"): string {
    return error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : root}: ${issue.message}`)
        .join("; ");
}

/** The path of the first issue: the field a client should fix. */
export function firstInvalidField(error: z.core.$ZodError, root = "body"): string {
    const [first] = error.issues;
    return first && first.path.length > 0 ? first.path.join(".") : root;
}
