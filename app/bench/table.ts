export interface Row {
    readonly metric: string;
    readonly value: string;
    /** Empty when the row is for information only. */
    readonly target?: string;
    readonly pass?: boolean;
}

/** A plain-text table with a pass/fail mark per row that has a target. */
export function formatTable(rows: readonly Row[]): string {
    const cells = rows.map((row) => [row.metric, row.value, row.target ?? "", row.pass === undefined ? "" : row.pass ? "PASS" : "FAIL"]);
    const header = ["metric", "value", "target", "result"];
    const widths = header.map((title, column) => Math.max(title.length, ...cells.map((cell) => (cell[column] ?? "").length)));
    const line = (values: readonly string[]) => values.map((value, column) => value.padEnd(widths[column] ?? 0)).join("  ").trimEnd();
    return [line(header), line(widths.map((width) => "-".repeat(width))), ...cells.map(line)].join("\n");
}
