// What every report component needs to know besides its own options: which quarter's
// folder to read, and where in which article it was written (for build errors).
import { isQuarter } from '../lib/quarters.ts';

export interface ComponentProps {
  quarter?: string;
  /** Added to MDX elements by remarkComponentLocations: "content/reports/2024-q3.mdx:42". */
  __source?: string;
}

/** Astro.locals as report pages fill them. */
export interface ReportLocals {
  reportQuarter?: string;
  /** The newest publication date of the data the article may show (its dataAsOf). */
  reportDataAsOf?: string;
}

/** The article's data pin, when a report page set one. */
export function articleDataAsOf(locals: unknown): string | undefined {
  return (locals as ReportLocals | undefined)?.reportDataAsOf;
}

export class ComponentError extends Error {
  override name = 'ComponentError';
}

/** "<Metric> in content/reports/2024-q3.mdx:42" (or just "<Metric>" outside MDX). */
export function where(component: string, source: string | undefined): string {
  return source ? `<${component}> in ${source}` : `<${component}>`;
}

/** The quarter of the article being rendered: set by the page, else named by the MDX file. */
export function articleQuarter(locals: unknown, source?: string): string | undefined {
  const fromLocals = (locals as ReportLocals | undefined)?.reportQuarter;
  if (isQuarter(fromLocals)) return fromLocals;
  const m = source ? /(?:^|\/)(\d{4}-q[1-4])\.mdx?:\d+$/.exec(source) : null;
  return m?.[1];
}

/** The quarter a component reads: its own prop, else the article's; a clear error otherwise. */
export function resolveQuarter(component: string, props: ComponentProps, locals: unknown): string {
  const q = props.quarter ?? articleQuarter(locals, props.__source);
  if (q === undefined) {
    throw new ComponentError(
      `${where(component, props.__source)}: no quarter: pass quarter="2024-q3", or render it in a report page that sets Astro.locals.reportQuarter`,
    );
  }
  if (!isQuarter(q)) throw new ComponentError(`${where(component, props.__source)}: "${q}" is not a quarter: write it like 2024-q3`);
  return q;
}

/** Runs a component's data loading, prefixing any failure with the component and place. */
export async function withLocation<T>(component: string, source: string | undefined, load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch (e) {
    const err = e as Error;
    if (err instanceof ComponentError) throw err;
    throw new ComponentError(`${where(component, source)}: ${err.message}`, { cause: err });
  }
}
