import * as z from "zod/mini";
import en from "zod/v4/locales/en.cjs";

// zod/mini keeps the bundle small (the classic build adds ~450 KB); it ships without messages,
// so the English locale is loaded once here and every schema imports `z` from this module.
z.config(en());

export { z };

/** One line per issue, each starting with the field path, e.g. `quantity: Too big: expected number to be <=1000`. */
export function describeIssues(error: z.core.$ZodError, root = "body"): string {
    return error.issues
        .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : root}: ${issue.message}`)
        .join("; ");
}

/** The first path segment of the first issue: the field a client should fix. */
export function firstInvalidField(error: z.core.$ZodError, root = "body"): string {
    const [first] = error.issues;
    return first && first.path.length > 0 ? first.path.join(".") : root;
}
