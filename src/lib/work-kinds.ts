// The kinds of work a commit is classified as (scripts/classify/work-kind.ts), in the order
// the site shows them: new work first, upkeep last, so a stacked bar reads left to
// right from building to maintaining. src/lib/queries/work-mix.sql lists the same order.

export const WORK_KINDS = ['feature', 'fix', 'perf', 'test', 'docs', 'ci'] as const;
export type WorkKind = (typeof WORK_KINDS)[number];

/** How a kind reads in a legend or a sentence ("…% of commits were fixes"). */
export const WORK_KIND_LABELS: Readonly<Record<WorkKind, string>> = {
  feature: 'features',
  fix: 'fixes',
  perf: 'performance',
  test: 'tests',
  docs: 'docs',
  ci: 'CI and build',
};

export function isWorkKind(k: string): k is WorkKind {
  return (WORK_KINDS as readonly string[]).includes(k);
}
