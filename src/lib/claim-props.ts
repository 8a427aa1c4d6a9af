// The props of the claim components (<Rank>, <Compare>, <Only>, <Threshold>) read into
// a claim, or refused with what to write instead. One reading for the page (Astro.props)
// and the editor check (the literal attributes of the MDX), so both accept and refuse
// the same things. A prop a component does not know is refused, not ignored: a
// misspelt `lowest` would otherwise turn "the slowest" into "the fastest" unnoticed.
import type { CompareClaim, OnlyClaim, Population, RankClaim, ThresholdClaim } from './claims.ts';
import { CLAIM_OPS, type ClaimOp } from './claims.ts';
import { FIGURES, type FigureFormat } from './figures.ts';

export const CLAIM_COMPONENTS = ['Rank', 'Compare', 'Only', 'Threshold'] as const;
export type ClaimComponent = (typeof CLAIM_COMPONENTS)[number];

export function isClaimComponent(name: string): name is ClaimComponent {
  return (CLAIM_COMPONENTS as readonly string[]).includes(name);
}

const COMMON = ['figure', 'quarter', 'format', 'bare'] as const;
const PROPS: Record<ClaimComponent, readonly string[]> = {
  Rank: [...COMMON, 'category', 'repo', 'rank', 'top', 'lowest', 'tied', 'among', 'within', 'except', 'comparable'],
  Compare: [...COMMON, 'category', 'repo', 'org', 'pool', 'kind', 'op', 'other', 'otherQuarter', 'times'],
  Only: [...COMMON, 'op', 'value', 'categories', 'repos', 'among', 'within', 'except', 'comparable'],
  Threshold: [...COMMON, 'category', 'repo', 'org', 'pool', 'kind', 'op', 'value'],
};

const EXAMPLES: Record<ClaimComponent, string> = {
  Rank: '<Rank figure="contributors_qoq" category="gpu-kernels" rank={1}>fastest</Rank>',
  Compare: '<Compare figure="contributors" category="llm-serving" op=">" other="gpu-kernels">more people than</Compare>',
  Only: '<Only figure="contributors_qoq" op="<" value={0} categories={["ml-tooling"]}>the only category that lost people</Only>',
  Threshold: '<Threshold figure="top_repo_share" category="edge-ml" op=">" value={0.5}>more than half</Threshold>',
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

/** A scope as <Metric> takes it: a category, a project, or neither (the whole tracked set). */
export interface ClaimScope {
  category?: string;
  repo?: string;
  org?: string;
  /** A named talent pool (figure talent_pool). */
  pool?: string;
  /** A kind of work (figure work_share). */
  kind?: string;
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
  const op = (): ClaimOp => {
    const v = props.op;
    if (v === undefined) return fail(`which comparison? give op=">" (or ">=", "<", "<=")`);
    if (!(CLAIM_OPS as readonly unknown[]).includes(v)) return fail(`op must be one of ${CLAIM_OPS.map((o) => `"${o}"`).join(', ')}, not ${JSON.stringify(v)}`);
    return v as ClaimOp;
  };
  return { fail, str, bool, num, whole, list, op };
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
  if (def.source === 'overlap' || def.source === 'migration' || def.source === 'net_migration') {
    r.fail(`'${figure}' is counted between two categories: claims compare the figures of one category or project`, 'quote it with <Metric> and compare in words');
  }
  if ((component === 'Rank' || component === 'Only') && def.source !== 'scope') {
    r.fail(`<${component}> compares the figures every category and project has; '${figure}' is not one of them`, 'compare two scopes with <Compare>, or pick a figure from scope_quarters');
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
  if (pool !== undefined && (category !== undefined || repo !== undefined)) r.fail('pool="…" is a scope of its own: give pool or category/repo, not both');
  const scope: ClaimScope = { ...(category ? { category } : {}), ...(repo ? { repo } : {}), ...(org ? { org } : {}), ...(pool ? { pool } : {}), ...(kind ? { kind } : {}) };

  const population = (fromList: 'categories' | 'projects' | undefined): PopulationSpec => {
    const among = r.str('among');
    if (among !== undefined && among !== 'categories' && among !== 'projects') r.fail(`among must be "categories" or "projects", not "${among}"`);
    const noun = (among ?? fromList ?? 'categories') as PopulationSpec['noun'];
    if (fromList !== undefined && noun !== fromList) r.fail(`among="${noun}" compares ${noun}, but the claim names ${fromList}`);
    const within = r.str('within');
    if (within !== undefined && noun !== 'projects') r.fail('within="…" names the category whose projects are compared: it goes with among="projects"');
    return { noun, ...(within ? { within } : {}) };
  };
  const among = () => ({ except: r.list('except') ?? [], comparable: r.bool('comparable') });

  switch (component) {
    case 'Rank': {
      const subject = category ?? repo ?? r.fail('rank what? give category="…" or repo="…"');
      const rank = r.whole('rank');
      const top = r.whole('top');
      if (rank !== undefined && top !== undefined) r.fail('give rank={n} (exactly that place) or top={n} (that place or better), not both');
      const tied = r.bool('tied');
      if (tied && top !== undefined) r.fail('tied says the place is shared: it goes with rank={n}, not top={n}');
      const claim: RankClaim = { kind: 'rank', figure, subject, rank: top ?? rank ?? 1, orBetter: top !== undefined, lowest: r.bool('lowest'), tied, ...among() };
      return { ...base, component, claim, scope, population: population(repo !== undefined ? 'projects' : 'categories') };
    }
    case 'Only': {
      const cats = r.list('categories');
      const repos = r.list('repos');
      if (cats !== undefined && repos !== undefined) r.fail('give categories={[…]} or repos={[…]}, not both');
      const members = cats ?? repos ?? r.fail('which ones? list them: categories={["a", "b"]} or repos={["owner/name"]} (an empty list claims none)');
      const claim: OnlyClaim = { kind: 'only', figure, op: r.op(), value: threshold(r, def.kind, 'value'), members, ...among() };
      return { ...base, component, claim, population: population(repos !== undefined ? 'projects' : 'categories') };
    }
    case 'Compare': {
      const op = r.op();
      const other = r.str('other');
      const otherQuarter = r.str('otherQuarter');
      if (other === undefined && otherQuarter === undefined) r.fail('compare with what? give other="…" (another category or project) or otherQuarter="…" (another quarter)');
      if (other !== undefined && category === undefined && repo === undefined && pool === undefined) {
        r.fail('other="…" is compared with category="…", repo="…" or pool="…": give the first one too');
      }
      const times = r.num('times') ?? 1;
      if (times <= 0) r.fail(`times must be above 0, not ${times}`);
      // other is the same kind of scope as the first: another category, project or named pool, with the same org and kind.
      const first: ClaimScope = category !== undefined ? { category: other } : repo !== undefined ? { repo: other } : { pool: other };
      const otherScope: ClaimScope = other === undefined ? scope : { ...first, ...(org ? { org } : {}), ...(kind ? { kind } : {}) };
      const claim: CompareClaim = { kind: 'compare', figure, op, ...(times !== 1 ? { times } : {}) };
      return { ...base, component, claim, scope, other: otherScope, ...(otherQuarter ? { otherQuarter } : {}) };
    }
    case 'Threshold': {
      const claim: ThresholdClaim = { kind: 'threshold', figure, op: r.op(), value: threshold(r, def.kind, 'value') };
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
 * whatever the claim compares.
 */
export function claimIdAttributes(component: ClaimComponent, attrs: Props): { categories: string[]; repos: string[] } {
  const projects =
    component === 'Only'
      ? attrs.among === 'projects' || attrs.repos !== undefined
      : component === 'Rank'
        ? attrs.among === 'projects' || attrs.repo !== undefined
        : attrs.repo !== undefined;
  // Compared with another named pool, other is a pool id: neither a category nor a project.
  const same = component === 'Compare' ? (attrs.pool !== undefined ? [] : ['other']) : component === 'Threshold' ? [] : ['except'];
  return projects
    ? { categories: ['category', 'within'], repos: ['repo', 'repos', ...same] }
    : { categories: ['category', 'categories', 'within', ...same], repos: ['repo'] };
}
