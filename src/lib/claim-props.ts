// The props of the claim components (<Rank>, <Compare>, <Only>, <Threshold>) read into
// a claim, or refused with what to write instead. One reading for the page (Astro.props)
// and the editor check (the literal attributes of the MDX), so both accept and refuse
// the same things. A prop a component does not know is refused, not ignored: a
// misspelt `lowest` would otherwise turn "the slowest" into "the fastest" unnoticed.
import type { CompareClaim, OnlyClaim, Population, PopulationNoun, RankClaim, ThresholdClaim } from './claims.ts';
import { CLAIM_OPS, flowId, pairId, type ClaimOp } from './claims.ts';
import type { StreakClaim } from './claim-streak.ts';
import { FIGURES, type FigureDef, type FigureFormat } from './figures.ts';

export const CLAIM_COMPONENTS = ['Rank', 'Compare', 'Only', 'Threshold', 'Streak'] as const;
export type ClaimComponent = (typeof CLAIM_COMPONENTS)[number];

export function isClaimComponent(name: string): name is ClaimComponent {
  return (CLAIM_COMPONENTS as readonly string[]).includes(name);
}

const COMMON = ['figure', 'quarter', 'format', 'bare'] as const;
// A pair of categories is named as <Metric> names it: category and other (overlap, a pair talent pool), from and to (migration).
const PAIR = ['other', 'from', 'to'] as const;
const PROPS: Record<ClaimComponent, readonly string[]> = {
  Rank: [...COMMON, 'category', 'repo', 'rank', 'top', 'lowest', 'tied', 'among', 'within', 'except', 'comparable', ...PAIR, 'org', 'pool'],
  Compare: [...COMMON, 'category', 'repo', 'org', 'pool', 'kind', 'op', 'other', 'otherQuarter', 'times', 'from', 'to', 'otherPair', 'otherPool', 'otherOrg', 'otherKind'],
  Only: [...COMMON, 'op', 'value', 'categories', 'repos', 'among', 'within', 'except', 'comparable', 'pairs', 'pools', 'orgs', 'category'],
  Threshold: [...COMMON, 'category', 'repo', 'org', 'pool', 'kind', 'op', 'value', ...PAIR],
  Streak: [...COMMON, 'category', 'repo', 'org', 'pool', 'kind', ...PAIR, 'op', 'quarters', 'orMore'],
};

const EXAMPLES: Record<ClaimComponent, string> = {
  Rank: '<Rank figure="contributors_qoq" category="gpu-kernels" rank={1}>fastest</Rank>',
  Compare: '<Compare figure="contributors" category="llm-serving" op=">" other="gpu-kernels">more people than</Compare>',
  Only: '<Only figure="contributors_qoq" op="<" value={0} categories={["ml-tooling"]}>the only category that lost people</Only>',
  Threshold: '<Threshold figure="top_repo_share" category="edge-ml" op=">" value={0.5}>more than half</Threshold>',
  Streak: '<Streak figure="talent_pool" category="gpu-kernels" other="ml-compilers" op=">" quarters={3}>grown for three consecutive quarters</Streak>',
};

const FORMATS: readonly string[] = ['number', 'percent', 'signed', 'weeks'];

export class ClaimPropsError extends Error {
  override name = 'ClaimPropsError';
  readonly hint: string | undefined;
  constructor(message: string, hint?: string) {
    super(message);
    this.hint = hint;
  }
}

/** A scope as <Metric> takes it: a category, a project, or neither (the whole tracked set); or a pair of categories. */
export interface ClaimScope {
  category?: string;
  repo?: string;
  org?: string;
  /** A named talent pool (figure talent_pool). */
  pool?: string;
  /** A kind of work (figure work_share). */
  kind?: string;
  /** The second category of an overlap or a pair talent pool (with category). */
  other?: string;
  /** A migration flow's categories: main category in the quarter before, and in the quarter. */
  from?: string;
  to?: string;
}

interface Base {
  figure: string;
  quarter?: string;
  format?: FigureFormat;
  /** The editor's words alone: the sentence quotes the figures itself. */
  bare: boolean;
}

export type PopulationSpec = Pick<Population, 'noun' | 'within'>;

export type ClaimRequest = Base &
  (
    | { component: 'Rank'; claim: RankClaim; scope: ClaimScope; population: PopulationSpec }
    | { component: 'Only'; claim: OnlyClaim; population: PopulationSpec }
    | { component: 'Compare'; claim: CompareClaim; scope: ClaimScope; other: ClaimScope; otherQuarter?: string }
    | { component: 'Threshold'; claim: ThresholdClaim; scope: ClaimScope }
    | { component: 'Streak'; claim: StreakClaim; scope: ClaimScope }
  );

type Props = Readonly<Record<string, unknown>>;

function reader(component: ClaimComponent, props: Props) {
  const fail = (message: string, hint = `write it like ${EXAMPLES[component]}`): never => {
    throw new ClaimPropsError(message, hint);
  };
  const str = (k: string): string | undefined => {
    const v = props[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'string' || v === '') return fail(`${k} must be a text, like ${k}="…"`);
    return v;
  };
  const bool = (k: string): boolean => {
    const v = props[k];
    if (v === undefined) return false;
    if (typeof v !== 'boolean') return fail(`${k} is a switch: write ${k} alone, not ${k}=${JSON.stringify(v)}`);
    return v;
  };
  const num = (k: string): number | undefined => {
    const v = props[k];
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(`${k} must be a number in braces, like ${k}={0.5}, not ${JSON.stringify(v)}`);
    return v;
  };
  const whole = (k: string): number | undefined => {
    const v = num(k);
    if (v !== undefined && (!Number.isInteger(v) || v < 1)) fail(`${k} must be a whole number from 1 up, not ${v}`);
    return v;
  };
  const list = (k: string): string[] | undefined => {
    const v = props[k];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) return fail(`${k} is a list of ids, like ${k}={["a", "b"]}`);
    return v as string[];
  };
  const isPair = (x: unknown): x is [string, string] => Array.isArray(x) && x.length === 2 && x.every((y) => typeof y === 'string' && y !== '');
  const pair = (k: string): [string, string] | undefined => {
    const v = props[k];
    if (v === undefined) return undefined;
    if (!isPair(v)) return fail(`${k} is two category ids, like ${k}={["gpu-kernels", "llm-serving"]}`);
    if (v[0] === v[1]) return fail(`${k} needs two different categories, not '${v[0]}' twice`);
    return v;
  };
  const pairs = (k: string): [string, string][] | undefined => {
    const v = props[k];
    if (v === undefined) return undefined;
    if (!Array.isArray(v) || !v.every(isPair)) return fail(`${k} is a list of category pairs, like ${k}={[["gpu-kernels", "llm-serving"]]}`);
    return v;
  };
  const op = (): ClaimOp => {
    const v = props.op;
    if (v === undefined) return fail(`which comparison? give op=">" (or ">=", "<", "<=")`);
    if (!(CLAIM_OPS as readonly unknown[]).includes(v)) return fail(`op must be one of ${CLAIM_OPS.map((o) => `"${o}"`).join(', ')}, not ${JSON.stringify(v)}`);
    return v as ClaimOp;
  };
  return { fail, str, bool, num, whole, list, pair, pairs, op };
}

/** What a figure is counted for, which decides what the claim compares. */
type Shape = 'scope' | 'overlap' | 'flow' | 'pool' | 'company' | 'other';

function shapeOf(figure: string, def: FigureDef): Shape {
  if (def.source === 'scope') return 'scope';
  if (def.source === 'overlap') return 'overlap';
  if (def.source === 'migration' || def.source === 'net_migration') return 'flow';
  if (figure === 'talent_pool') return 'pool';
  if (def.source === 'company') return 'company';
  return 'other';
}

/** The claim an element's props state; throws ClaimPropsError with a hint when they state none. */
export function readClaim(component: ClaimComponent, props: Props): ClaimRequest {
  const r = reader(component, props);
  const known = PROPS[component];
  for (const k of Object.keys(props)) {
    if (k === '__source' || props[k] === undefined) continue;
    if (!known.includes(k)) r.fail(`<${component}> has no prop '${k}'`, `<${component}> takes ${known.join(', ')}`);
  }
  const figure = r.str('figure') ?? r.fail('which figure? give figure="…" (the figures are listed in src/lib/figures.ts)');
  const def = FIGURES[figure] ?? r.fail(`no figure '${figure}'`, `figures: ${Object.keys(FIGURES).join(', ')}`);
  if (def.kind === 'text') r.fail(`'${figure}' is a name, not a number: it cannot be compared`);
  const shape = shapeOf(figure, def);
  if ((component === 'Rank' || component === 'Only') && shape === 'other') {
    r.fail(
      `<${component}> compares the figures every category, project, category pair, flow, named pool or organization has; '${figure}' is not one of them`,
      'compare two scopes with <Compare>, or pick a figure from scope_quarters',
    );
  }
  const format = r.str('format');
  if (format !== undefined && !FORMATS.includes(format)) r.fail(`format '${format}' is not one of ${FORMATS.join(', ')}`);
  const quarter = r.str('quarter');
  const base: Base = { figure, bare: r.bool('bare'), ...(quarter ? { quarter } : {}), ...(format ? { format: format as FigureFormat } : {}) };
  const category = r.str('category');
  const repo = r.str('repo');
  if (category !== undefined && repo !== undefined) r.fail('give category or repo, not both');
  const org = r.str('org');
  const pool = r.str('pool');
  const kind = r.str('kind');
  const other = r.str('other');
  const from = r.str('from');
  const to = r.str('to');
  if (pool !== undefined && (category !== undefined || repo !== undefined)) r.fail('pool="…" is a scope of its own: give pool or category/repo, not both');
  // other names the second category of an overlap or a pair pool; elsewhere (in <Compare>) the scope compared with.
  const otherInPair = shape === 'overlap' || (shape === 'pool' && pool === undefined);
  if (component !== 'Only' && (shape === 'overlap' || (shape === 'pool' && pool === undefined))) {
    if (category === undefined || other === undefined) r.fail(`'${figure}' is counted for two categories: give category="…" and other="…"${shape === 'pool' ? ', or pool="…"' : ''}`);
    if (category === other) r.fail(`'${figure}' needs two different categories, not '${category}' twice`);
  }
  if (shape === 'flow' && component !== 'Only' && (from === undefined || to === undefined)) r.fail(`'${figure}' is a flow between two categories: give from="…" and to="…"`);
  if (shape !== 'flow' && (from !== undefined || to !== undefined)) r.fail(`from="…" and to="…" name a migration flow: they are for figures migration and net_migration, not '${figure}'`);
  if (from !== undefined && from === to) r.fail(`'${figure}' needs two different categories, not '${from}' twice`);
  const scope: ClaimScope = {
    ...(category ? { category } : {}),
    ...(repo ? { repo } : {}),
    ...(org ? { org } : {}),
    ...(pool ? { pool } : {}),
    ...(kind ? { kind } : {}),
    ...(other && otherInPair ? { other } : {}),
    ...(from ? { from } : {}),
    ...(to ? { to } : {}),
  };
  if (other !== undefined && !otherInPair && component !== 'Compare') r.fail(`other="…" is the second category of an overlap or a talent pool, not of '${figure}'`);

  /** The population a rank or an "only" claim compares, from the figure (and for scope figures, the members named). */
  const population = (fromList: 'categories' | 'projects' | undefined): PopulationSpec => {
    const among = r.str('among');
    const within = r.str('within');
    let noun: PopulationNoun;
    if (shape === 'scope') {
      if (among !== undefined && among !== 'categories' && among !== 'projects') r.fail(`among must be "categories" or "projects", not "${among}"`);
      noun = (among ?? fromList ?? 'categories') as PopulationNoun;
      if (fromList !== undefined && noun !== fromList) r.fail(`among="${noun}" compares ${noun}, but the claim names ${fromList}`);
      if (within !== undefined && noun !== 'projects') r.fail('within="…" names the category whose projects are compared: it goes with among="projects"');
      return { noun, ...(within ? { within } : {}) };
    }
    if (among !== undefined) r.fail(`among="…" chooses categories or projects; '${figure}' compares ${shape === 'company' ? 'organizations' : shape === 'flow' ? 'flows' : 'category pairs or named pools'} already`);
    if (shape === 'company') {
      if (within !== undefined) r.fail('organizations are compared within a category with category="…" (as <Metric> takes it), not within="…"');
      return { noun: 'organizations', ...(category ? { within: category } : {}) };
    }
    noun = shape === 'flow' ? 'flows' : shape === 'pool' && (pool !== undefined || props.pools !== undefined) ? 'pools' : 'pairs';
    if (within !== undefined && noun === 'pools') r.fail('within="…" picks the pairs involving a category: named pools are compared all together');
    return { noun, ...(within ? { within } : {}) };
  };
  const idOf = (p: [string, string]) => (shape === 'flow' ? flowId(p[0], p[1]) : pairId(p[0], p[1]));
  const among = () => {
    const raw = props.except;
    // Pairs are left out as pairs of ids, like pairs={[…]}.
    const except = Array.isArray(raw) && raw.some(Array.isArray) ? (r.pairs('except') ?? []).map(idOf) : (r.list('except') ?? []);
    return { except, comparable: r.bool('comparable') };
  };

  switch (component) {
    case 'Rank': {
      const subject =
        shape === 'overlap' || (shape === 'pool' && pool === undefined)
          ? pairId(category!, other!)
          : shape === 'flow'
            ? flowId(from!, to!)
            : shape === 'pool'
              ? pool!
              : shape === 'company'
                ? (org ?? r.fail('rank which organization? give org="…" (and category="…" for one category)'))
                : (category ?? repo ?? r.fail('rank what? give category="…" or repo="…"'));
      if (shape === 'company' && repo !== undefined) r.fail('company shares are published per category and overall: rank organizations with category="…" or no scope');
      const rank = r.whole('rank');
      const top = r.whole('top');
      if (rank !== undefined && top !== undefined) r.fail('give rank={n} (exactly that place) or top={n} (that place or better), not both');
      const tied = r.bool('tied');
      if (tied && top !== undefined) r.fail('tied says the place is shared: it goes with rank={n}, not top={n}');
      const claim: RankClaim = { kind: 'rank', figure, subject, rank: top ?? rank ?? 1, orBetter: top !== undefined, lowest: r.bool('lowest'), tied, ...among() };
      return { ...base, component, claim, scope, population: population(repo !== undefined ? 'projects' : shape === 'scope' ? 'categories' : undefined) };
    }
    case 'Only': {
      const lists = { categories: r.list('categories'), repos: r.list('repos'), pairs: r.pairs('pairs'), pools: r.list('pools'), orgs: r.list('orgs') };
      const given = Object.entries(lists).filter(([, v]) => v !== undefined).map(([k]) => k);
      if (given.length > 1) r.fail(`give one list of members, not ${given.join(' and ')}`);
      const want = shape === 'scope' ? ['categories', 'repos'] : shape === 'company' ? ['orgs'] : shape === 'flow' || shape === 'overlap' ? ['pairs'] : ['pairs', 'pools'];
      const example = { categories: 'categories={["a", "b"]}', repos: 'repos={["owner/name"]}', pairs: 'pairs={[["a", "b"]]}', pools: 'pools={["serving-kernels"]}', orgs: 'orgs={["NVIDIA"]}' } as Record<string, string>;
      if (given.length === 0 || !want.includes(given[0]!)) {
        r.fail(`which ones? '${figure}' lists its members as ${want.map((w) => example[w]).join(' or ')} (an empty list claims none)`);
      }
      if (category !== undefined && shape !== 'company') r.fail('category="…" is the scope of organizations compared by company_share; for projects of one category write among="projects" within="…"');
      const members = lists.pairs?.map(idOf) ?? lists.categories ?? lists.repos ?? lists.pools ?? lists.orgs ?? [];
      const claim: OnlyClaim = { kind: 'only', figure, op: r.op(), value: threshold(r, def.kind, 'value'), members, ...among() };
      return { ...base, component, claim, population: population(lists.repos !== undefined ? 'projects' : shape === 'scope' ? 'categories' : undefined) };
    }
    case 'Compare': {
      const op = r.op();
      const otherQuarter = r.str('otherQuarter');
      const otherPair = r.pair('otherPair');
      const otherPool = r.str('otherPool');
      const otherOrg = r.str('otherOrg');
      const otherKind = r.str('otherKind');
      const otherScope = !otherInPair ? other : undefined;
      const seconds = [['other', otherScope], ['otherPair', otherPair], ['otherPool', otherPool], ['otherOrg', otherOrg], ['otherKind', otherKind]].filter(([, v]) => v !== undefined).map(([k]) => k as string);
      if (seconds.length > 1) r.fail(`compare with one other scope: ${seconds.join(' or ')}, not both`);
      if (seconds.length === 0 && otherQuarter === undefined) {
        r.fail(
          otherInPair || shape === 'flow'
            ? `compare with what? give otherPair={["…", "…"]} (another pair of categories)${shape === 'pool' ? ', otherPool="…"' : ''} or otherQuarter="…"`
            : 'compare with what? give other="…" (another category or project) or otherQuarter="…" (another quarter)',
        );
      }
      if (otherPair !== undefined && !(otherInPair || shape === 'flow')) r.fail(`otherPair={[…]} is a second pair of categories: it is for overlap, migration, net_migration and talent_pool, not '${figure}'`);
      if (otherPool !== undefined && shape !== 'pool') r.fail(`otherPool="…" is a second talent pool: it is for talent_pool, not '${figure}'`);
      if (otherOrg !== undefined && (shape !== 'company' || org === undefined)) r.fail('otherOrg="…" is a second organization: it goes with figure="company_share" and org="…"');
      if (otherKind !== undefined && kind === undefined) r.fail('otherKind="…" is a second kind of work: it goes with figure="work_share" and kind="…"');
      if (otherScope !== undefined && category === undefined && repo === undefined && pool === undefined) {
        r.fail('other="…" is compared with category="…", repo="…" or pool="…": give the first one too');
      }
      const times = r.num('times') ?? 1;
      if (times <= 0) r.fail(`times must be above 0, not ${times}`);
      let second: ClaimScope = scope;
      if (otherScope !== undefined) {
        // other is the same kind of scope as the first: another category, project or named pool, with the same org and kind.
        const first: ClaimScope = category !== undefined ? { category: otherScope } : repo !== undefined ? { repo: otherScope } : { pool: otherScope };
        second = { ...first, ...(org ? { org } : {}), ...(kind ? { kind } : {}) };
      } else if (otherPair !== undefined) {
        second = shape === 'flow' ? { from: otherPair[0], to: otherPair[1] } : { category: otherPair[0], other: otherPair[1] };
      } else if (otherPool !== undefined) {
        second = { pool: otherPool };
      } else if (otherOrg !== undefined) {
        second = { ...scope, org: otherOrg };
      } else if (otherKind !== undefined) {
        second = { ...scope, kind: otherKind };
      }
      const claim: CompareClaim = { kind: 'compare', figure, op, ...(times !== 1 ? { times } : {}) };
      return { ...base, component, claim, scope, other: second, ...(otherQuarter ? { otherQuarter } : {}) };
    }
    case 'Threshold': {
      const claim: ThresholdClaim = { kind: 'threshold', figure, op: r.op(), value: threshold(r, def.kind, 'value') };
      return { ...base, component, claim, scope };
    }
    case 'Streak': {
      const quarters = r.whole('quarters') ?? r.fail('for how many quarters? give quarters={n}');
      const claim: StreakClaim = { kind: 'streak', figure, op: r.op(), quarters, orMore: r.bool('orMore') };
      return { ...base, component, claim, scope };
    }
  }
}

/** Shares and changes are fractions: "50%" is 0.5, and a share above 1 is a percent written as a number. */
function threshold(r: ReturnType<typeof reader>, kind: string, k: string): number {
  const v = r.num(k) ?? r.fail(`${k}={…} is the number the figure is compared with`);
  if (kind === 'ratio' && Math.abs(v) > 1) r.fail(`${k}={${v}}: a share is a fraction, so ${v}% is ${k}={${v / 100}}`);
  return v;
}

/**
 * Which attributes of a claim element name categories and which name projects, for the
 * editor check's "unknown category / project" messages: `other` and `except` are ids of
 * whatever the claim compares. Lists of pairs (pairs, otherPair) name categories.
 */
export function claimIdAttributes(component: ClaimComponent, attrs: Props): { categories: string[]; repos: string[] } {
  const figure = typeof attrs.figure === 'string' ? FIGURES[attrs.figure] : undefined;
  const shape = figure ? shapeOf(String(attrs.figure), figure) : 'scope';
  const pairs = ['from', 'to', 'otherPair', 'pairs'];
  if (shape === 'overlap' || (shape === 'pool' && attrs.pool === undefined)) {
    // other is the pair's second category; except lists pairs.
    return { categories: ['category', 'other', 'within', 'except', ...pairs], repos: [] };
  }
  if (shape === 'flow') return { categories: ['category', 'within', 'except', ...pairs], repos: [] };
  if (shape === 'pool' || shape === 'company') return { categories: ['category', 'within'], repos: ['repo'] };
  const projects =
    component === 'Only'
      ? attrs.among === 'projects' || attrs.repos !== undefined
      : component === 'Rank'
        ? attrs.among === 'projects' || attrs.repo !== undefined
        : attrs.repo !== undefined;
  // Compared with another named pool, other is a pool id: neither a category nor a project.
  const same = component === 'Compare' ? (attrs.pool !== undefined ? [] : ['other']) : component === 'Threshold' || component === 'Streak' ? [] : ['except'];
  return projects
    ? { categories: ['category', 'within'], repos: ['repo', 'repos', ...same] }
    : { categories: ['category', 'categories', 'within', ...same], repos: ['repo'] };
}
