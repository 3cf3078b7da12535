// The known name a misspelt one most resembles, so an error can say "did you mean".

/** Edits to turn one id into another. */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest of `known` to `name`, if it is close enough to be a misspelling of it. */
export function nearest(name: string, known: readonly string[]): string | undefined {
  return known
    .map((id) => ({ id, d: distance(name, id) }))
    .filter(({ d }) => d <= Math.max(2, Math.floor(name.length / 4)))
    .sort((a, b) => a.d - b.d)[0]?.id;
}
