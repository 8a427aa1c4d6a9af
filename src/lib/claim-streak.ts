// "Grown for three consecutive quarters" as a claim the data can refute: a figure's run
// of rises (or falls) up to a quarter. A run is only as long as the data shows: where it
// reaches a quarter without a value (a pool of fewer than 3, a partial quarter) or the
// first quarter of the folder, its true length is unknown, so a claim of exactly that
// length is undecided until it says "or more". Pure, like src/lib/claims.ts.
import type { ClaimOp, Member, Verdict } from './claims.ts';
import { meetsThreshold } from './predictions.ts';

export interface StreakClaim {
  kind: 'streak';
  figure: string;
  /** Each quarter's figure op the quarter before's: ">" rose, "<" fell. */
  op: ClaimOp;
  /** Quarters in the run (steps from one quarter to the next). */
  quarters: number;
  /** "for three quarters or more": the run may be longer. */
  orMore?: boolean;
}

const RUN_WORDS: Record<ClaimOp, string> = { '>': 'rose', '>=': 'did not fall', '<': 'fell', '<=': 'did not rise' };

/** Where a run stops, looking back from its last quarter. */
type Stop = { why: 'broken'; at: Member; before: Member } | { why: 'no value'; at: Member } | { why: 'start' };

/**
 * `series` is the subject's figure in every quarter of the folder up to the claim's,
 * oldest first, each member's id its quarter; `subject` names the scope in the verdict.
 */
export function evaluateStreak(c: StreakClaim, subject: string, series: readonly Member[]): Verdict {
  const last = series.at(-1);
  const span = `${c.quarters}${c.orMore ? ' or more' : ''} consecutive ${c.quarters === 1 && !c.orMore ? 'quarter' : 'quarters'}`;
  const claim = `${subject} ${RUN_WORDS[c.op]} on ${c.figure} in each of ${span} to ${last?.id ?? 'the quarter'}`;
  if (!last || last.value === null) {
    return { status: 'undecided', claim, data: `${subject} has no ${c.figure} in ${last?.id ?? 'the quarter'} (${last?.missing ?? 'no data'})`, hint: 'claim a quarter with a value' };
  }
  let run = 0;
  let stop: Stop = { why: 'start' };
  for (let i = series.length - 1; i > 0; i--) {
    const [cur, before] = [series[i]!, series[i - 1]!];
    if (before.value === null) {
      stop = { why: 'no value', at: before };
      break;
    }
    if (!meetsThreshold(cur.value!, { op: c.op, value: before.value })) {
      stop = { why: 'broken', at: cur, before };
      break;
    }
    run++;
  }
  const shown = series.slice(series.length - 1 - run).map((m) => `${m.text} (${m.id})`);
  const runText = run === 0 ? `${shown[0]}: no run` : `${shown.join(' \u2192 ')}: ${run} in a row`;
  const ending =
    stop.why === 'broken'
      ? `; ${stop.before.text} (${stop.before.id}) \u2192 ${stop.at.text} (${stop.at.id}) does not count`
      : stop.why === 'no value'
        ? `; ${stop.at.id} has no value (${stop.at.missing ?? 'no data'}), so the run may be longer`
        : `; the data starts at ${series[0]!.id}, so the run may be longer`;
  const data = runText + ending;
  // Broken: the run's length is known. Otherwise it is at least `run`, and may be longer.
  const known = stop.why === 'broken';
  const holds = c.orMore ? run >= c.quarters : run === c.quarters && known;
  if (holds) return { status: 'holds', claim, data };
  if (!known && run <= c.quarters) {
    const hint =
      run === c.quarters
        ? `the run is at least ${run}: add orMore and say so ("for ${run} quarters or more")`
        : `the data shows a run of at least ${run}: claim quarters={${run}} orMore, or drop the claim`;
    return { status: 'undecided', claim, data, hint };
  }
  const hint =
    run === 0
      ? 'the figure did not move that way into this quarter: turn op round, or drop the claim'
      : `write the run the data gives (quarters={${run}}${known ? '' : ' orMore'}) with words to match, or drop the claim`;
  return { status: 'false', claim, data, hint };
}
