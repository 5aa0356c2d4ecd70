export type StepStatus = "passed" | "failed" | "skipped";

export interface StepResult {
    readonly name: string;
    readonly status: StepStatus;
    readonly durationMs: number;
    /** What the step found (passed), why it failed (first line of the error) or why it did not run. */
    readonly detail: string;
}

/** `850ms`, `4.2s`, `12m 03s`, `1h 02m`: precise for short steps, readable for long ones. */
export function formatDuration(ms: number): string {
    if (ms < 1000) {
        return `${Math.round(ms)}ms`;
    }
    if (ms < 60_000) {
        return `${(ms / 1000).toFixed(1)}s`;
    }
    const seconds = Math.round(ms / 1000);
    if (seconds < 3600) {
        return `${Math.floor(seconds / 60)}m ${String(seconds % 60).padStart(2, "0")}s`;
    }
    const minutes = Math.round(seconds / 60);
    return `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, "0")}m`;
}

const MAX_DETAIL = 100;

/** The summary table printed at the end of a run: one row per step, then the total. */
export function formatSummary(steps: readonly StepResult[], totalMs: number): string {
    const rows = steps.map((s) => [s.name, s.status, formatDuration(s.durationMs), oneLine(s.detail)]);
    const header = ["step", "result", "duration", "detail"];
    const widths = [0, 1, 2].map((i) => Math.max(header[i]!.length, ...rows.map((r) => r[i]!.length)));
    const line = (cells: readonly string[]) =>
        cells
            .map((cell, i) => (i < 3 ? cell.padEnd(widths[i]!) : cell))
            .join("  ")
            .trimEnd();
    return [line(header), line(widths.map((w) => "-".repeat(w)).concat("------")), ...rows.map(line), line(["total", "", formatDuration(totalMs), ""])].join("\n");
}

function oneLine(text: string): string {
    const first = text.split("\n")[0] ?? "";
    return first.length > MAX_DETAIL ? `${first.slice(0, MAX_DETAIL - 1)}…` : first;
}
