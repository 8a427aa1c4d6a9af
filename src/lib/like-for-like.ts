// Quarter-on-quarter changes are like-for-like: scope_quarters compares the
// repositories observed in both quarters, so a history that stops early is left out of
// both sides instead of showing as a loss. The change then describes less than the
// whole scope, and a reader must be told what it leaves out, wherever it is shown.
// The published column qoq_basis_excludes names those repositories.

/** The published qoq_basis_excludes ("a/b, c/d") as a list; [] when nothing is left out. */
export function basisExcludes(published: string | null | undefined): string[] {
  return (published ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** "a", "a and b", "a, b and c". */
export function listText(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)!}`;
}

/** "X, whose history stops" / "X and Y, whose histories stop"; past five names, the rest are counted. */
export function stoppedHistories(repos: readonly string[]): string {
  // A note a reader takes in at a glance: the whole set can leave out twenty histories.
  const named = repos.length > MAX_NAMED ? [...repos.slice(0, MAX_NAMED), `${repos.length - MAX_NAMED} more`] : repos;
  return `${listText(named)}, whose ${repos.length === 1 ? 'history stops' : 'histories stop'}`;
}

const MAX_NAMED = 5;

/**
 * The note beside a change compared on a basis that leaves repositories out, or null
 * when the basis is the whole scope: "same repositories in both quarters; excludes
 * NVIDIA/NeMo, whose history stops".
 */
export function likeForLikeNote(published: string | null | undefined): string | null {
  const repos = basisExcludes(published);
  return repos.length === 0 ? null : `same repositories in both quarters; excludes ${stoppedHistories(repos)}`;
}

/** Why a change is empty when the basis holds too little of the scope. */
export function notComparableReason(published: string | null | undefined): string | null {
  const repos = basisExcludes(published);
  return repos.length === 0 ? null : `not comparable: ${stoppedHistories(repos)}, leaving too little observed in both quarters`;
}

/** The footnote marker of a like-for-like change (the tables' "*" is taken). */
export const BASIS_MARK = '\u2020';
