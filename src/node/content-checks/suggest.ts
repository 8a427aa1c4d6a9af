// "Did you mean …?" for ids an editor mistyped: a category, a repository, a figure.

function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** Up to `max` known values close to `input`: same letters in another case, a part of it, or a few edits away. */
export function suggest(input: string, known: readonly string[], max = 3): string[] {
  const x = input.toLowerCase();
  const tail = x.split('/').pop() ?? x;
  const scored = known
    .map((k) => {
      const y = k.toLowerCase();
      const d = y === x ? 0 : y.includes(tail) || (tail.length >= 4 && x.includes(y)) ? 1 : distance(x, y);
      return { k, d };
    })
    .filter((s) => s.d <= Math.max(2, Math.floor(x.length / 4)))
    .sort((a, b) => a.d - b.d || a.k.localeCompare(b.k));
  return scored.slice(0, max).map((s) => s.k);
}

export function didYouMean(input: string, known: readonly string[], all: string): string {
  const near = suggest(input, known);
  return near.length > 0 ? `did you mean ${near.map((n) => `'${n}'`).join(' or ')}? ${all}` : all;
}
