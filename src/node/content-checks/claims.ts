// The claim components in the editor check: each claim is decided against the data its
// article reads (src/node/claims.ts, as the page does), a false or undecidable one is a
// problem with its line and a hint, and every decided claim is listed with its verdict
// so the editor sees what the article asserts, not only what fails.
import { verdictMessage, type ClaimStatus } from '../../lib/claims.ts';
import { readClaim, type ClaimComponent } from '../../lib/claim-props.ts';
import { resolveClaim } from '../claims.ts';
import type { ComponentUse } from './mdx.ts';

export interface ClaimLine {
  file: string;
  line: number;
  component: ClaimComponent;
  status: ClaimStatus;
  /** The claim in words. */
  claim: string;
}

type Add = (c: ComponentUse, message: string, hint?: string) => void;

export interface ClaimDecision {
  /** The claim with its verdict; null when the props name no figure the data has. */
  claim: ClaimLine | null;
  /** What to tell the editor when the claim does not hold or cannot be read. */
  problem?: { message: string; hint?: string };
}

/** Decides a claim from its props: the one reading for the body's elements and the frontmatter's claims. */
export async function decideClaim(file: string, line: number, component: ClaimComponent, props: Record<string, unknown>, quarter: string, article: string): Promise<ClaimDecision> {
  try {
    const { verdict } = await resolveClaim(readClaim(component, props), quarter, article);
    const claim = { file, line, component, status: verdict.status, claim: verdict.claim };
    return verdict.status === 'holds' ? { claim } : { claim, problem: { message: verdictMessage(verdict), ...(verdict.hint ? { hint: verdict.hint } : {}) } };
  } catch (e) {
    const hint = (e as { hint?: unknown }).hint;
    return { claim: null, problem: { message: (e as Error).message, hint: typeof hint === 'string' ? hint : 'the figures must exist in the published data: pick another scope, quarter or figure, or drop the claim' } };
  }
}

/** Decides one claim element; null when it has no verdict (an expression only the page knows, or props that state no claim). */
export async function checkClaim(file: string, c: ComponentUse & { name: ClaimComponent }, quarter: string, article: string, add: Add): Promise<ClaimLine | null> {
  const props: Record<string, unknown> = {};
  for (const [k, v] of c.attrs) {
    if (v.kind === 'expression') return null;
    props[k] = v.value;
  }
  const { claim, problem } = await decideClaim(file, c.line, c.name, props, quarter, article);
  if (problem) add(c, problem.message, problem.hint);
  return claim;
}

const MARKS: Record<ClaimStatus, string> = { holds: '\u2713', false: '\u2717', undecided: '?' };
const STATUS: Record<ClaimStatus, string> = { holds: '', false: ': false', undecided: ': cannot be checked' };

/** One line per claim, in file and line order: "✓ content/reports/2026-q2.mdx:52  <Rank> gpu-kernels is #1 of 12 categories by contributors_qoq". */
export function formatClaims(lines: readonly ClaimLine[]): string {
  return [...lines]
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
    .map((l) => `${MARKS[l.status]} ${l.file}:${l.line}  <${l.component}> ${l.claim}${STATUS[l.status]}`)
    .join('\n');
}
