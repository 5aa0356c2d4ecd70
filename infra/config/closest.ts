/**
 * Levenshtein distance between two strings, ignoring case: the number of single-character insertions,
 * deletions and substitutions that turn one into the other.
 */
export function editDistance(a: string, b: string): number {
    const x = a.toLowerCase();
    const y = b.toLowerCase();
    let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
        const current = [i];
        for (let j = 1; j <= y.length; j++) {
            const substitution = previous[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1);
            current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
        }
        previous = current;
    }
    return previous[y.length]!;
}

/**
 * The candidate `word` was most likely meant as: the nearest by {@link editDistance}, if it is near enough to be a
 * typo (at most a third of the word's length; case never counts), and the only one that near. Undefined when
 * nothing is close, so a suggestion is never a guess.
 */
export function closest(word: string, candidates: readonly string[]): string | undefined {
    const budget = Math.max(1, Math.floor(word.length / 3));
    const scored = candidates.map((candidate) => ({ candidate, distance: editDistance(word, candidate) })).filter((c) => c.distance <= budget);
    const best = Math.min(...scored.map((c) => c.distance));
    const nearest = scored.filter((c) => c.distance === best);
    return nearest.length === 1 ? nearest[0]!.candidate : undefined;
}

/**
 * Up to `count` candidates within a typo's reach of `word` (a third of its length, at least 2 edits), nearest first,
 * then in name order: for values where several near ones are worth showing (regions: ap-southeast-1 … 7).
 */
export function nearest(word: string, candidates: readonly string[], count: number): string[] {
    const limit = Math.max(2, Math.floor(word.length / 3));
    return candidates
        .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
        .filter(({ distance }) => distance <= limit)
        .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate))
        .slice(0, count)
        .map(({ candidate }) => candidate);
}
