// Calendar quarters (UTC). Files and URLs write them `2024-q3`; prose and charts
// write them `Q3 2024`. Kept free of Date arithmetic so the browser and the build
// agree whatever the local time zone.

export interface Quarter {
  year: number;
  q: 1 | 2 | 3 | 4;
}

/** A quarter id: 2024-q3. The one pattern every reader and writer of quarters checks. */
export const QUARTER_RE = /^(\d{4})-q([1-4])$/;

export function isQuarter(value: unknown): value is string {
  return typeof value === 'string' && QUARTER_RE.test(value);
}

export function parseQuarter(id: string): Quarter {
  const m = QUARTER_RE.exec(id);
  if (!m) throw new Error(`"${id}" is not a quarter: write it like 2024-q3`);
  return { year: Number(m[1]), q: Number(m[2]) as Quarter['q'] };
}

export function formatQuarter(q: Quarter): string {
  return `${q.year}-q${q.q}`;
}

/** Ordinal that grows by one per quarter, so differences count quarters. */
export function quarterIndex(id: string): number {
  const { year, q } = parseQuarter(id);
  return year * 4 + (q - 1);
}

export function quarterFromIndex(index: number): string {
  const year = Math.floor(index / 4);
  return formatQuarter({ year, q: ((index - year * 4) + 1) as Quarter['q'] });
}

export function prevQuarter(id: string, steps = 1): string {
  return quarterFromIndex(quarterIndex(id) - steps);
}

export function nextQuarter(id: string, steps = 1): string {
  return quarterFromIndex(quarterIndex(id) + steps);
}

/** Inclusive, ascending. */
export function quarterRange(from: string, to: string): string[] {
  const a = quarterIndex(from);
  const b = quarterIndex(to);
  const out: string[] = [];
  for (let i = a; i <= b; i++) out.push(quarterFromIndex(i));
  return out;
}

/** "Q3 2024" */
export function quarterLabel(id: string): string {
  const { year, q } = parseQuarter(id);
  return `Q${q} ${year}`;
}

/** "Q3 ’24", for chart axes where space is short. */
export function quarterShortLabel(id: string): string {
  const { year, q } = parseQuarter(id);
  return `Q${q} \u2019${String(year % 100).padStart(2, '0')}`;
}

/** First instant of the quarter, UTC, as an ISO date (YYYY-MM-DD). */
export function quarterStartDate(id: string): string {
  const { year, q } = parseQuarter(id);
  return `${year}-${String((q - 1) * 3 + 1).padStart(2, '0')}-01`;
}
