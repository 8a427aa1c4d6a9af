// The browser's lazy query runner: the same registry SQL and positional parameters as
// the build (src/node/published-data.ts), over the same Parquet files, served by the
// site. Nothing here knows which engine runs the SQL: duckdb-engine.ts does, and it is
// loaded only through the dynamic import in getRunner(), so a page that nobody
// interacts with fetches no wasm, no worker and no Parquet.
import { sqlString } from '../lib/sql-literal.ts';
import { maskSql } from '../lib/sql-lexer.ts';
import type { PublishedReader } from '../lib/published-reader.ts';
import { bindParams, isQueryName, PUBLISHED_VIEWS, QUERIES, sqlOf, type ParamsOf, type ParamValue, type QueryDef, type QueryName, type RowOf } from '../lib/query-registry.ts';

/** What the runner needs from an engine (duckdb-engine.ts in the browser, a Node adapter in tests). */
export interface Engine {
  /** Makes the file at `url` readable as read_parquet('<name>'), read in place by byte ranges. */
  registerFile(name: string, url: string): Promise<void>;
  exec(sql: string): Promise<void>;
  query(sql: string, params: readonly ParamValue[], options?: QueryOptions): Promise<ArrowTableLike>;
  /**
   * True once stopping a query had to end the engine: it answers nothing more, and its
   * owner opens another. Absent on engines that never end.
   */
  readonly closed?: boolean;
}

export interface QueryOptions {
  /**
   * Aborting it stops the query (the console's Stop and time limit). The query then
   * rejects with the signal's reason, once the engine is free for the next statement or
   * has ended (`closed`). A stoppable query takes no parameters.
   */
  signal?: AbortSignal;
}

/** The slice of an Arrow table the runner reads (apache-arrow stays out of this chunk). */
export interface ArrowTableLike {
  readonly numRows: number;
  readonly schema: { readonly fields: readonly ArrowFieldLike[] };
  getChild(name: string): { get(index: number): unknown } | null;
}
export interface ArrowFieldLike {
  readonly name: string;
  readonly type: { readonly typeId: number; readonly unit?: number };
}

// Arrow's type ids come from its format spec (Schema.fbs), so they hold across releases.
const ARROW = { Null: 1, Int: 2, Float: 3, Utf8: 5, Bool: 6, Date: 8, Timestamp: 10, List: 12 } as const;
// Timestamp unit → divisor to milliseconds, for Arrow builds that return raw bigints.
const TO_MS = [1e-3, 1, 1e3, 1e6] as const;

type Row = Record<string, unknown>;
type NamedParams<P extends readonly string[]> = { readonly [K in P[number]]: ParamValue };

export class QueryRunner {
  readonly #engine: Engine;
  /** Parquet URL → the name it is registered under. */
  readonly #files = new Map<string, string>();
  /** Folder URL → the key its registered names start with. */
  readonly #folders = new Map<string, string>();
  /** View → the registered name it reads now (views are global; quarters take turns). */
  readonly #views = new Map<string, string>();
  // One statement at a time: switching a view to another quarter and querying it must
  // not interleave with another component doing the same for a different quarter.
  #queue: Promise<unknown> = Promise.resolve();

  constructor(engine: Engine) {
    this.#engine = engine;
  }

  run<R, const P extends readonly string[]>(def: QueryDef<R, P>, params: NamedParams<P>, folderUrl: string): Promise<R[]> {
    const result = this.#queue.then(() => this.#run(def, params, folderUrl));
    this.#queue = result.catch(() => undefined);
    return result;
  }

  async #run<R, P extends readonly string[]>(def: QueryDef<R, P>, params: NamedParams<P>, folderUrl: string): Promise<R[]> {
    const name = def.name;
    // Only registered queries, compared by text (not identity, which a module loaded
    // twice would break): sqlOf and bindParams are exactly what the build runs.
    if (!isQueryName(name) || QUERIES[name].sql !== def.sql || QUERIES[name].params.join() !== def.params.join()) {
      throw new Error(`'${name}' is not a query of the registry`);
    }
    const sql = sqlOf(name);
    const values = bindParams(name, params as never);
    const folder = folderHref(folderUrl);
    for (const view of viewsOf(sql)) await this.#bind(view, folder);
    return tableToRows(await this.#engine.query(sql, values)) as R[];
  }

  async #bind(view: string, folder: string): Promise<void> {
    const url = new URL(`${view}.parquet`, folder).href;
    let file = this.#files.get(url);
    if (file === undefined) {
      file = `${this.#folderKey(folder)}/${view}.parquet`;
      await this.#engine.registerFile(file, url);
      this.#files.set(url, file);
    }
    if (this.#views.get(view) === file) return;
    await this.#engine.exec(viewSql(view, file));
    this.#views.set(view, file);
  }

  #folderKey(folder: string): string {
    let key = this.#folders.get(folder);
    if (key !== undefined) return key;
    const last = new URL(folder).pathname.split('/').filter(Boolean).at(-1) ?? 'published';
    const base = last.replace(/[^A-Za-z0-9_-]/g, '_');
    const taken = new Set(this.#folders.values());
    key = base;
    for (let n = 2; taken.has(key); n++) key = `${base}-${n}`;
    this.#folders.set(folder, key);
    return key;
  }
}

/** The view over one registered Parquet file, as both runtimes name it. */
export function viewSql(view: string, registeredName: string): string {
  if (!(PUBLISHED_VIEWS as readonly string[]).includes(view)) throw new Error(`'${view}' is not a published view`);
  return `CREATE OR REPLACE VIEW ${view} AS SELECT * FROM read_parquet(${sqlString(registeredName)})`;
}

/**
 * The published views a query reads: names in code, not in comments (they mention
 * tables in prose) or strings; a false positive only costs one Parquet footer read.
 */
export function viewsOf(sql: string): string[] {
  const masked = maskSql(sql);
  // An unreadable query fails in the engine with its own message; register everything it names.
  const code = typeof masked === 'string' ? masked : sql;
  return PUBLISHED_VIEWS.filter((v) => new RegExp(`\\b${v}\\b`).test(code));
}

/** Arrow → the rows the build gives: numbers for integers, ISO strings for times. */
export function tableToRows(table: ArrowTableLike): Row[] {
  const columns = table.schema.fields.map((f) => {
    const child = table.getChild(f.name);
    if (!child) throw new Error(`result column '${f.name}' has no data`);
    return { field: f, child };
  });
  const rows: Row[] = [];
  for (let i = 0; i < table.numRows; i++) {
    const row: Row = {};
    for (const { field, child } of columns) row[field.name] = plainValue(child.get(i), field);
    rows.push(row);
  }
  return rows;
}

function plainValue(v: unknown, field: ArrowFieldLike): unknown {
  if (v === null || v === undefined) return null;
  switch (field.type.typeId) {
    case ARROW.Null:
    case ARROW.Float:
    case ARROW.Utf8:
    case ARROW.Bool:
      return v;
    case ARROW.Int:
      return typeof v === 'bigint' ? safeNumber(v, field.name) : v;
    case ARROW.Date:
    case ARROW.Timestamp:
      return isoTime(v, field);
    case ARROW.List:
      return Array.from(v as Iterable<unknown>, (x) => (typeof x === 'bigint' ? safeNumber(x, field.name) : x));
    default:
      // DECIMAL, HUGEINT, STRUCT … would arrive in engine-specific shapes: cast in SQL.
      throw new Error(`result column '${field.name}' has Arrow type ${field.type.typeId}, which the runner does not convert; cast it in the query`);
  }
}

function isoTime(v: unknown, field: ArrowFieldLike): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number') return new Date(v).toISOString();
  if (typeof v === 'bigint') return new Date(Number(v) / (TO_MS[field.type.unit ?? 1] ?? 1)).toISOString();
  throw new Error(`result column '${field.name}': unexpected time value ${String(v)}`);
}

function safeNumber(v: bigint, column: string): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`column '${column}': integer ${v} is too large for a JS number`);
  return Number(v);
}

function folderHref(folderUrl: string): string {
  const u = new URL(folderUrl, globalThis.location?.href);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.search = '';
  u.hash = '';
  return u.href;
}

// ---------------------------------------------------------------------------------
// One engine per page, created on first need.

const RUNNER_KEY = Symbol.for('deep-signal.query-runner');
type Slot = { runner?: Promise<QueryRunner> };
// On globalThis, not module scope: a module evaluated twice (dev HMR, two chunks) must
// still share one worker and one DuckDB.
function slot(): Slot {
  const g = globalThis as unknown as Record<symbol, Slot | undefined>;
  return (g[RUNNER_KEY] ??= {});
}

/** The page's runner; the first call loads the engine chunk, the wasm and the worker. */
export function getRunner(): Promise<QueryRunner> {
  const s = slot();
  if (!s.runner) {
    const created = import('./duckdb-engine.ts').then((m) => m.createEngine()).then((engine) => new QueryRunner(engine));
    // A failed load (offline, blocked) must not stick: the next intent tries again.
    created.catch(() => {
      if (slot().runner === created) slot().runner = undefined;
    });
    s.runner = created;
  }
  return s.runner;
}

/** Runs a registry query for the quarter folder at `folderUrl` (see published-url.ts). */
export async function runQuery<R, const P extends readonly string[]>(def: QueryDef<R, P>, params: NamedParams<P>, folderUrl: string): Promise<R[]> {
  return (await getRunner()).run(def, params, folderUrl);
}

/** The browser's PublishedReader (src/lib/published-reader.ts) over the folder at `folderUrl`. */
export function publishedReader(quarter: string, folderUrl: string): PublishedReader {
  return {
    quarter,
    query: <N extends QueryName>(name: N, params: ParamsOf<N>) =>
      runQuery(QUERIES[name] as unknown as QueryDef<RowOf<N>, readonly string[]>, params as NamedParams<readonly string[]>, folderUrl),
  };
}

// ---------------------------------------------------------------------------------
// Intent: load the engine when a reader is about to use a control, not before.

export interface IntentOptions {
  /**
   * Also load once the page is idle after `load`, on a fast connection without
   * Save-Data. Off by default: a page that is only read must fetch no wasm at all.
   */
  idle?: boolean;
}

export interface ConnectionInfo {
  effectiveType?: string;
  /** Estimated Mbps (Chromium caps it at 10). */
  downlink?: number;
  saveData?: boolean;
}

// effectiveType alone says '4g' down to about 1.5 Mbps (slow 4G reads '4g', 1.5 Mbps,
// 150 ms in Chromium), where the engine's 3.3 MB take 16 s: the estimate must say more.
const FAST_DOWNLINK_MBPS = 5;

/** A fast connection whose owner has not asked to save data. Unknown means no. */
export function fastConnection(connection: ConnectionInfo | undefined): boolean {
  if (connection?.effectiveType !== '4g' || connection.saveData === true) return false;
  return connection.downlink === undefined || connection.downlink >= FAST_DOWNLINK_MBPS;
}

/**
 * A connection that may carry the engine once its reader has used a control: anything
 * but Save-Data or a 2G/3G estimate. Unknown (no Network Information API) means yes:
 * that reader has just shown they use the controls.
 */
export function usableConnection(connection: ConnectionInfo | undefined): boolean {
  if (connection?.saveData === true) return false;
  return !['slow-2g', '2g', '3g'].includes(connection?.effectiveType ?? '');
}

const INTENT_EVENTS = ['pointerenter', 'pointerdown', 'focusin', 'touchstart'] as const;

/** Calls `callback` once, on the first sign of intent; returns a function that cancels. */
export function whenIntent(element: EventTarget, callback: () => void, options: IntentOptions = {}): () => void {
  let done = false;
  let idleHandle: number | undefined;
  const cleanup = () => {
    done = true;
    for (const type of INTENT_EVENTS) element.removeEventListener(type, fire);
    globalThis.removeEventListener?.('load', scheduleIdle);
    if (idleHandle !== undefined) globalThis.cancelIdleCallback?.(idleHandle);
  };
  function fire() {
    if (done) return;
    cleanup();
    callback();
  }
  function scheduleIdle() {
    if (!done) idleHandle = requestIdleCallback(fire, { timeout: 10_000 });
  }
  for (const type of INTENT_EVENTS) element.addEventListener(type, fire, { passive: true });
  const nav = globalThis.navigator as (Navigator & { connection?: ConnectionInfo }) | undefined;
  if (options.idle && typeof globalThis.requestIdleCallback === 'function' && fastConnection(nav?.connection)) {
    if (globalThis.document?.readyState === 'complete') scheduleIdle();
    else globalThis.addEventListener('load', scheduleIdle, { once: true });
  }
  return cleanup;
}
