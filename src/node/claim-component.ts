// What a claim component (<Rank>, <Compare>, <Only>, <Threshold>) renders, or the build
// error naming its file and line: a claim the data does not bear out must not ship,
// like a figure that does not exist.
import type { Verdict } from '../lib/claims.ts';
import { verdictMessage } from '../lib/claims.ts';
import { readClaim, type ClaimComponent } from '../lib/claim-props.ts';
import { resolveClaim, type QuotedFigure } from './claims.ts';
import { articleQuarter, ComponentError, resolveQuarter, where, type ComponentProps } from './component-context.ts';

export interface ClaimToRender {
  verdict: Verdict;
  /** The figures to print after the editor's words; none when the article asked for its words alone (bare). */
  quotes: QuotedFigure[];
  /** How several figures read together: "a against b", or "x a, y b and z c". */
  join: 'against' | 'list';
}

export async function claimToRender(component: ClaimComponent, props: Readonly<Record<string, unknown>> & ComponentProps, locals: unknown): Promise<ClaimToRender> {
  const quarter = resolveQuarter(component, props, locals);
  let rendered: ClaimToRender;
  try {
    const req = readClaim(component, props);
    const { verdict, quotes } = await resolveClaim(req, quarter, articleQuarter(locals, props.__source));
    rendered = { verdict, quotes: req.bare ? [] : quotes, join: component === 'Compare' ? 'against' : 'list' };
  } catch (e) {
    throw new ComponentError(`${where(component, props.__source)}: ${(e as Error).message}`, { cause: e });
  }
  if (rendered.verdict.status !== 'holds') throw new ComponentError(`${where(component, props.__source)}: ${verdictMessage(rendered.verdict)}`);
  return rendered;
}
