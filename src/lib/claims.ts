// Comparative words in prose ("the fastest", "more than", "the only categories that
// lost people", "more than half") as claims the data can refute. Pure: the build, the
// editor check and the tests decide a claim from the same rows of figures, read by
// src/node/claims.ts the way <Metric> reads them, so a verdict quotes the numbers the
// article prints.
//
// A figure without a value (a change that is new, not comparable or in a partial
// quarter) decides nothing: a claim on it, or a comparison that would have to rank it,
// is undecided and fails like a false one. The editor may leave such members out by
// name (except) or compare only those with a value (comparable), and the verdict says so.
import { listText } from './like-for-like.ts';
import { formatPredictionValue, meetsThreshold, OP_WORDS, thresholdText, type Threshold } from './predictions.ts';

export type ClaimOp = Threshold['op'];
export const CLAIM_OPS: readonly ClaimOp[] = ['>', '>=', '<', '<='];

/** One category's, project's, pair's or organization's figure, as <Metric> prints it. */
export interface Member {
  id: string;
  value: number | null;
  /** The figure as prose shows it ("+29.0%", "1 245", "new"). */
  text: string;
  /** Why value is null ("new this quarter"); null when there is a value. */
  missing: string | null;
  /**
   * A value left out of the published data but known to be below this (a talent pool of
   * fewer than 3 people): it cannot lead a ranking, so a claim about the top need not
   * leave it out by name.
   */
  below?: number;
}

/**
 * The members a rank or an "only" claim compares: every category; every project (of a
 * category); every pair of categories (overlaps, pair talent pools) or ordered pair
 * (migration flows; of one category with within); every named talent pool; every
 * organization of a scope (within a category, else the whole set).
 */
export interface Population {
  noun: PopulationNoun;
  /** A category id: projects of it, pairs and flows involving it, organizations in it. */
  within?: string;
  members: readonly Member[];
}

export type PopulationNoun = 'categories' | 'projects' | 'pairs' | 'flows' | 'pools' | 'organizations';

/** Pairs of categories are one id, the way a verdict names them: "a ↔ b" either way round, "a → b" for a flow. */
export function pairId(a: string, b: string): string {
  return [a, b].sort().join(' \u2194 ');
}
export function flowId(from: string, to: string): string {
  return `${from} \u2192 ${to}`;
}

interface Among {
  /** Members left out by name (the sentence must say so). */
  except?: readonly string[];
  /** Compare only the members with a value, leaving out the rest (the sentence must say so). */
  comparable?: boolean;
}

export interface RankClaim extends Among {
  kind: 'rank';
  figure: string;
  subject: string;
  rank: number;
  /** "among the top 3": rank or better. */
  orBetter?: boolean;
  /** Ranked from the lowest value up ("the slowest"). */
  lowest?: boolean;
  /** The subject shares its rank ("joint fastest"). */
  tied?: boolean;
}

export interface OnlyClaim extends Among {
  kind: 'only';
  figure: string;
  op: ClaimOp;
  value: number;
  /** Exactly the members whose figure meets op value; none is a claim too ("no category lost people"). */
  members: readonly string[];
}

export interface CompareClaim {
  kind: 'compare';
  figure: string;
  op: ClaimOp;
  /** a op times × b ("more than twice"); 1 when absent. */
  times?: number;
}

export interface ThresholdClaim {
  kind: 'threshold';
  figure: string;
  op: ClaimOp;
  value: number;
}

export type ClaimStatus = 'holds' | 'false' | 'undecided';

export interface Verdict {
  status: ClaimStatus;
  /** The claim in words: "gpu-kernels is #1 of 12 categories by contributors_qoq". */
  claim: string;
  /** What the data says: "ml-platform +17.0%: rank 4 of 12; gpu-kernels +29.0%, … are ahead". */
  data: string;
  /** What to write instead, when the claim does not hold. */
  hint?: string;
}

/** The prop an editor lists members of a population in. */
export function listProp(noun: PopulationNoun): 'categories' | 'repos' | 'pairs' | 'pools' | 'orgs' {
  return ({ categories: 'categories', projects: 'repos', pairs: 'pairs', flows: 'pairs', pools: 'pools', organizations: 'orgs' } as const)[noun];
}

/** A member's id as the editor writes it in a list prop: pairs and flows as ["a", "b"]. */
function asProp(noun: PopulationNoun, id: string): unknown {
  return noun === 'pairs' || noun === 'flows' ? id.split(/ [\u2194\u2192] /) : id;
}

const SHOWN = 5;
const named = (m: Member) => `${m.id} ${m.text}`;
/** "a +1%, b +2% and 3 more": long lists of projects stay readable. */
function listed(ms: readonly Member[]): string {
  const shown = ms.slice(0, SHOWN).map(named);
  return ms.length > SHOWN ? `${shown.join(', ')} and ${ms.length - SHOWN} more` : listText(shown);
}
const SINGULAR: Record<PopulationNoun, string> = { categories: 'category', projects: 'project', pairs: 'category pair', flows: 'flow', pools: 'named pool', organizations: 'organization' };
const PLURAL: Record<PopulationNoun, string> = { categories: 'categories', projects: 'projects', pairs: 'category pairs', flows: 'flows', pools: 'named pools', organizations: 'organizations' };
const singular = (noun: PopulationNoun) => SINGULAR[noun];
/** " in llm-serving", " involving llm-serving": where the population is, or nothing. */
function whereText(pop: Pick<Population, 'noun' | 'within'>): string {
  if (pop.within === undefined) return '';
  return pop.noun === 'pairs' || pop.noun === 'flows' ? ` involving ${pop.within}` : ` in ${pop.within}`;
}
const verb = (n: number, one: string, many: string) => (n === 1 ? one : many);

function unknownMembers(ids: readonly string[], pop: Population, claim: string): Verdict | null {
  const known = new Set(pop.members.map((m) => m.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length === 0) return null;
  const where = `${PLURAL[pop.noun]}${whereText(pop)}`;
  const list = pop.members.map((m) => m.id);
  const spelling =
    pop.noun === 'projects'
      ? 'check the spelling (owner/name, as in data/tracked-repos.csv)'
      : pop.noun === 'pairs' || pop.noun === 'flows'
        ? 'check the two category ids'
        : `check the spelling (${pop.noun} as published)`;
  return {
    status: 'undecided',
    claim,
    data: `${listText(unknown.map((u) => `'${u}'`))} ${verb(unknown.length, 'is', 'are')} not among the ${pop.members.length} ${where}`,
    hint: list.length <= 20 ? `${PLURAL[pop.noun]}: ${list.join(', ')}` : spelling,
  };
}

interface Compared {
  members: Member[];
  /** "12 categories", "11 categories other than edge-ml", "290 projects with a value (156 without)". */
  label: string;
}

/**
 * The members a claim compares once except and comparable are applied, or the verdict
 * that it cannot be decided: a claimed member without a value, or others without one that
 * the claim neither leaves out nor says it skips. `settled` says which members without a
 * value the claim is decided without (a bound shows they are behind or fail the condition).
 */
function compared(c: RankClaim | OnlyClaim, pop: Population, claimed: readonly string[], claim: string, settled: (m: Member) => boolean = () => false): Compared | Verdict {
  const except = new Set(c.except ?? []);
  const both = claimed.filter((id) => except.has(id));
  if (both.length > 0) {
    return { status: 'undecided', claim, data: `${listText(both)} ${verb(both.length, 'is', 'are')} both claimed and left out (except)`, hint: 'take it out of except' };
  }
  const kept = pop.members.filter((m) => !except.has(m.id));
  const claimedSet = new Set(claimed);
  const blankClaimed = kept.filter((m) => m.value === null && claimedSet.has(m.id));
  if (blankClaimed.length > 0) {
    return {
      status: 'undecided',
      claim,
      data: `${blankClaimed.map((m) => `${m.id} has no ${c.figure} (${m.missing ?? 'no value'})`).join('; ')}: a claim on it cannot be checked`,
      hint: 'claim something with a value: another quarter, or a count instead of a change',
    };
  }
  const bounded = kept.filter((m) => m.value === null && settled(m));
  const blank = kept.filter((m) => m.value === null && !settled(m));
  if (blank.length > 0 && !c.comparable) {
    const few = blank.length <= SHOWN;
    const which = blank.slice(0, SHOWN).map((m) => `${m.id} (${m.missing ?? 'no value'})`);
    return {
      status: 'undecided',
      claim,
      data: `${blank.length} ${verb(blank.length, singular(pop.noun), PLURAL[pop.noun])} ${verb(blank.length, 'has', 'have')} no ${c.figure} to compare: ${which.join(', ')}${few ? '' : ', …'}`,
      hint: few
        ? `leave ${verb(blank.length, 'it', 'them')} out with except={${JSON.stringify(blank.map((m) => asProp(pop.noun, m.id)))}}, or add comparable to compare only those with a value; and say so in the sentence`
        : `add comparable to compare only those with a value, and say so in the sentence`,
    };
  }
  const members = kept.filter((m) => m.value !== null);
  let label = `${members.length} ${verb(members.length, singular(pop.noun), PLURAL[pop.noun])}${whereText(pop)}`;
  if (except.size > 0) label += ` other than ${listText([...except])}`;
  if (bounded.length > 0) label += ` (and ${bounded.length} below ${Math.min(...bounded.map((m) => m.below!))}, not published)`;
  if (blank.length > 0) {
    label += ` with a value (${blank.length <= 3 ? `not ${blank.map((m) => `${m.id}: ${m.missing ?? 'no value'}`).join('; ')}` : `${blank.length} without`})`;
  }
  return { members, label };
}

const isVerdict = (x: Compared | Verdict): x is Verdict => 'status' in x;

function rankWords(c: RankClaim): string {
  if (c.orBetter) return `in the top ${c.rank}`;
  return `${c.tied ? 'joint ' : ''}#${c.rank}`;
}

export function evaluateRank(c: RankClaim, pop: Population): Verdict {
  const order = c.lowest ? ', lowest first' : '';
  const base = (label: string) => `${c.subject} is ${rankWords(c)} of ${label} by ${c.figure}${order}`;
  const unknown = unknownMembers([c.subject, ...(c.except ?? [])], pop, base(`the ${PLURAL[pop.noun]}`));
  if (unknown) return unknown;
  // A value known to be below the subject's is behind it when ranking from the top; from the bottom it could be anywhere below.
  const v0 = pop.members.find((m) => m.id === c.subject)?.value;
  const behindAnyway = (m: Member) => !c.lowest && typeof v0 === 'number' && m.below !== undefined && m.below <= v0;
  const cmp = compared(c, pop, [c.subject], base(`the ${PLURAL[pop.noun]}`), behindAnyway);
  if (isVerdict(cmp)) return cmp;
  const claim = base(cmp.label);
  const subject = cmp.members.find((m) => m.id === c.subject)!;
  const v = subject.value!;
  const better = (x: number) => (c.lowest ? x < v : x > v);
  const byRank = (a: Member, b: Member) => (c.lowest ? a.value! - b.value! : b.value! - a.value!) || a.id.localeCompare(b.id);
  const ahead = cmp.members.filter((m) => better(m.value!)).sort(byRank);
  const tied = cmp.members.filter((m) => m.id !== subject.id && m.value === v);
  const behind = cmp.members.filter((m) => m.id !== subject.id && !better(m.value!) && m.value !== v).sort(byRank);
  const rank = ahead.length + 1;
  const parts = [ahead.length > 0 ? `${listed(ahead)} ${verb(ahead.length, 'is', 'are')} ahead` : 'nothing is ahead'];
  if (tied.length > 0) parts.push(`tied with ${listed(tied)}`);
  if (ahead.length === 0 && behind[0]) parts.push(`next is ${named(behind[0])}`);
  const data = `${named(subject)}: rank ${rank} of ${cmp.members.length}; ${parts.join('; ')}`;
  const holds = c.orBetter ? rank <= c.rank : rank === c.rank && (c.tied ? tied.length > 0 : tied.length === 0);
  if (holds) return { status: 'holds', claim, data };
  const low = c.lowest ? ' lowest' : '';
  let hint: string;
  if (c.orBetter) hint = `the data gives rank ${rank}: write top={${rank}}${low} with words to match, or drop the claim`;
  else if (rank === c.rank && c.tied) hint = 'nothing shares that rank: drop tied, and "joint" from the sentence';
  else if (rank === c.rank) hint = `it shares rank ${rank}: add tied and say so ("joint fastest"), or rank by another figure`;
  else hint = `write the rank the data gives (rank={${rank}}${low}${tied.length > 0 ? ' tied' : ''}) with words to match, or drop the claim`;
  return { status: 'false', claim, data, hint };
}

export function evaluateOnly(c: OnlyClaim, pop: Population): Verdict {
  const condition = `${c.figure} ${thresholdText(c.figure, { op: c.op, value: c.value })}`;
  const base = (label: string) =>
    c.members.length === 0
      ? `among ${label}, none has ${condition}`
      : `among ${label}, the only ${verb(c.members.length, 'one', 'ones')} with ${condition} ${verb(c.members.length, 'is', 'are')} ${listText([...c.members])}`;
  const unknown = unknownMembers([...c.members, ...(c.except ?? [])], pop, base(`the ${PLURAL[pop.noun]}`));
  if (unknown) return unknown;
  // A value known to be below the threshold fails "above" and "at least" whatever it is.
  const failsAnyway = (m: Member) => (c.op === '>' || c.op === '>=') && m.below !== undefined && m.below <= c.value;
  const cmp = compared(c, pop, c.members, base(`the ${PLURAL[pop.noun]}`), failsAnyway);
  if (isVerdict(cmp)) return cmp;
  const claim = base(cmp.label);
  const extreme = (a: Member, b: Member) => (c.op.startsWith('<') ? a.value! - b.value! : b.value! - a.value!) || a.id.localeCompare(b.id);
  const meets = cmp.members.filter((m) => meetsThreshold(m.value!, { op: c.op, value: c.value })).sort(extreme);
  const claimed = new Set(c.members);
  const left = meets.filter((m) => !claimed.has(m.id));
  const wrong = cmp.members.filter((m) => claimed.has(m.id) && !meets.includes(m));
  const data = `${meets.length === 0 ? 'none' : listed(meets)} ${verb(meets.length, 'has', 'have')} ${condition}`;
  if (left.length === 0 && wrong.length === 0) return { status: 'holds', claim, data };
  const parts = [data];
  if (left.length > 0) parts.push(`the claim leaves out ${listed(left)}`);
  if (wrong.length > 0) parts.push(`${listed(wrong)} ${verb(wrong.length, 'does', 'do')} not`);
  return { status: 'false', claim, data: parts.join('; '), hint: `list exactly those: ${listProp(pop.noun)}={${JSON.stringify(meets.map((m) => asProp(pop.noun, m.id)))}}, with words to match` };
}

const noValue = (claim: string, figure: string, m: Member): Verdict => ({
  status: 'undecided',
  claim,
  data: `${m.id} has no ${figure} (${m.missing ?? 'no value'}): a claim on it cannot be checked`,
  hint: 'claim something with a value: another quarter, or a count instead of a change',
});

/** Two figures: a op times × b. Members' ids label them ("gpu-kernels", "gpu-kernels in 2025-q2"). */
export function evaluateCompare(c: CompareClaim, a: Member, b: Member): Verdict {
  const times = c.times ?? 1;
  const claim = `${a.id} is ${OP_WORDS[c.op]} ${times === 1 ? '' : `${times} × `}${b.id} on ${c.figure}`;
  for (const m of [a, b]) if (m.value === null) return noValue(claim, c.figure, m);
  const [x, y] = [a.value!, times * b.value!];
  const data = `${a.text} (${a.id}) against ${b.text} (${b.id})${times === 1 ? '' : `, × ${times} = ${formatPredictionValue(c.figure, y)}`}`;
  if (meetsThreshold(x, { op: c.op, value: y })) return { status: 'holds', claim, data };
  const turn = x > y ? '">"' : x < y ? '"<"' : '">=" or "<="';
  return { status: 'false', claim, data, hint: `turn the comparison round (op=${turn}) with words to match, or drop the claim` };
}

export function evaluateThreshold(c: ThresholdClaim, m: Member): Verdict {
  const claim = `${m.id} is ${thresholdText(c.figure, { op: c.op, value: c.value })} on ${c.figure}`;
  if (m.value === null) return noValue(claim, c.figure, m);
  const data = `${m.id} ${m.text}`;
  if (meetsThreshold(m.value, { op: c.op, value: c.value })) return { status: 'holds', claim, data };
  return { status: 'false', claim, data: `${data} is not ${thresholdText(c.figure, { op: c.op, value: c.value })}`, hint: 'change the threshold and the words to what the figure is, or drop the claim' };
}

/** How a claim that does not hold is reported, by the build and the editor check alike. */
export function verdictMessage(v: Verdict): string {
  return v.status === 'undecided' ? `cannot check that ${v.claim}: ${v.data}` : `claims ${v.claim}, but ${v.data}`;
}
