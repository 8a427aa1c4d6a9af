// The measurements of npm run bench:web, one function each, every run in a fresh
// Chromium profile (cold cache) unless it says warm. Bytes of the page's own requests
// come from CDP Network events (encodedDataLength: headers and body as received);
// requests from DuckDB's worker (wasm, Parquet) are counted by the static server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import type { StaticServer } from './static-server.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface NetworkProfile {
  name: string;
  /** Added to every request, ms. */
  latency: number;
  /** Bits per second. */
  down: number;
  up: number;
  cpu: number;
}

interface Tracked {
  url: string;
  type: string;
  bytes: number;
  /** CDP monotonic seconds of each received chunk, and of the end. */
  chunks: [number, number][];
  finished: number | null;
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  cdp: CDPSession;
  requests: Map<string, Tracked>;
  /** Wall-clock seconds minus CDP monotonic seconds. */
  clockOffset: number;
  close(): Promise<void>;
}

/** A fresh profile (cold cache), one page, its CDP session counting bytes per request. */
export async function openBrowser(profile?: NetworkProfile): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), 'ds-bench-profile-'));
  const context = await chromium.launchPersistentContext(dir, { executablePath: CHROMIUM, args: ARGS, viewport: { width: 1280, height: 800 } });
  const page = context.pages()[0] ?? (await context.newPage());
  const cdp = await context.newCDPSession(page);
  const requests = new Map<string, Tracked>();
  const b = { clockOffset: NaN };
  cdp.on('Network.requestWillBeSent', (e) => {
    if (Number.isNaN(b.clockOffset)) b.clockOffset = e.wallTime - e.timestamp;
    requests.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other', bytes: 0, chunks: [], finished: null });
  });
  cdp.on('Network.dataReceived', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.bytes += e.encodedDataLength;
    r.chunks.push([e.timestamp, e.encodedDataLength]);
  });
  cdp.on('Network.loadingFinished', (e) => {
    const r = requests.get(e.requestId);
    if (!r) return;
    r.bytes = Math.max(r.bytes, e.encodedDataLength);
    r.finished = e.timestamp;
  });
  await cdp.send('Network.enable');
  if (profile) {
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: profile.latency, downloadThroughput: profile.down / 8, uploadThroughput: profile.up / 8 });
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
  }
  return {
    context,
    page,
    cdp,
    requests,
    get clockOffset() {
      return b.clockOffset;
    },
    async close() {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Runs in the page before its own scripts: LCP, layout shifts and the moment the first
// table has been laid out and a frame presented.
const OBSERVE = `(() => {
  const p = (window.__perf = { lcp: 0, lcpElement: '', cls: 0, shifts: 0, table: 0 });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) { p.lcp = e.startTime; p.lcpElement = e.element ? e.element.tagName + '.' + e.element.className : ''; } }).observe({ type: 'largest-contentful-paint', buffered: true });
  new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) { p.cls += e.value; p.shifts++; } }).observe({ type: 'layout-shift', buffered: true });
  const look = () => {
    const t = document.querySelector('table');
    if (t && t.getBoundingClientRect().height > 0) {
      requestAnimationFrame(() => requestAnimationFrame(() => { p.table = performance.now(); }));
      return;
    }
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
})();`;

export interface LoadResult {
  bytesBeforeTable: number;
  requestsBeforeTable: string[];
  tableVisibleMs: number;
  lcpMs: number;
  lcpElement: string;
  cls: number;
}

const sumBytes = (rs: Iterable<Tracked>) => [...rs].reduce((s, r) => s + r.bytes, 0);

/** Bytes received up to CDP monotonic time `t`: whole requests finished by then, chunks of the others. */
function bytesBy(rs: Iterable<Tracked>, t: number): number {
  let n = 0;
  for (const r of rs) n += r.finished !== null && r.finished <= t ? r.bytes : r.chunks.filter(([at]) => at <= t).reduce((s, [, b]) => s + b, 0);
  return n;
}

export async function measureLoad(origin: string, path: string, profile: NetworkProfile): Promise<LoadResult> {
  const b = await openBrowser(profile);
  try {
    await b.page.addInitScript(OBSERVE);
    await b.page.goto(origin + path, { waitUntil: 'load', timeout: 120_000 });
    await b.page.waitForFunction(() => (window as unknown as { __perf: { table: number } }).__perf.table > 0, null, { timeout: 60_000 });
    // LCP and CLS settle once the page is idle; nothing here counts as input.
    await b.page.waitForTimeout(1500);
    const perf = (await b.page.evaluate(() => ({ ...(window as unknown as { __perf: object }).__perf, origin: performance.timeOrigin }))) as { lcp: number; lcpElement: string; cls: number; table: number; origin: number };
    // The page's clock (time origin + ms) to CDP's monotonic seconds.
    const t = (perf.origin + perf.table) / 1000 - b.clockOffset;
    const before = [...b.requests.values()].filter((r) => (r.chunks[0]?.[0] ?? r.finished ?? Infinity) <= t);
    // The table is in the HTML, so at least the document's bytes were needed. Under network
    // emulation the page-clock → CDP-clock conversion can land t before the first chunk;
    // the whole document is then the (slightly high) bound to report instead of zero.
    const documentBytes = [...b.requests.values()].find((r) => r.type === 'Document')?.bytes ?? 0;
    return {
      bytesBeforeTable: Math.max(bytesBy(b.requests.values(), t), documentBytes),
      requestsBeforeTable: before.map((r) => new URL(r.url).pathname),
      tableVisibleMs: perf.table,
      lcpMs: perf.lcp,
      lcpElement: perf.lcpElement,
      cls: perf.cls,
    };
  } finally {
    await b.close();
  }
}

export interface PassiveResult {
  jsBytes: number;
  jsFiles: string[];
  totalBytes: number;
  wasmRequests: number;
  parquetRequests: number;
  cls: number;
}

// Chromium has no Save-Data switch: the page's own scripts read navigator.connection, so
// the attribute they read is what a reader's "Lite mode" sets.
const SAVE_DATA = `Object.defineProperty(NetworkInformation.prototype, 'saveData', { get: () => true, configurable: true });`;

export interface PassiveOptions {
  profile?: NetworkProfile;
  saveData?: boolean;
}

/** Load, scroll to the end in steps as a reader would, wait; count what was fetched. */
export async function measurePassive(server: StaticServer, path: string, options: PassiveOptions = {}): Promise<PassiveResult> {
  const b = await openBrowser(options.profile);
  try {
    await b.page.addInitScript(OBSERVE);
    if (options.saveData) await b.page.addInitScript(SAVE_DATA);
    const from = server.log.length;
    await b.page.goto(server.origin + path, { waitUntil: 'load', timeout: 120_000 });
    await b.page.evaluate(async () => {
      for (let y = 0; y <= document.documentElement.scrollHeight; y += 500) {
        window.scrollTo(0, y);
        await new Promise((r) => setTimeout(r, 60));
      }
    });
    await b.page.waitForTimeout(2000);
    const all = [...b.requests.values()];
    const js = all.filter((r) => r.type === 'Script' || /\.m?js$/.test(new URL(r.url).pathname));
    const served = server.log.slice(from);
    const cls = (await b.page.evaluate(() => (window as unknown as { __perf: { cls: number } }).__perf.cls)) as number;
    return {
      jsBytes: sumBytes(js),
      jsFiles: js.map((r) => new URL(r.url).pathname.replace(/^.*\//, '')),
      totalBytes: sumBytes(all),
      wasmRequests: served.filter((l) => l.path.endsWith('.wasm')).length,
      parquetRequests: served.filter((l) => l.path.endsWith('.parquet')).length,
      cls,
    };
  } finally {
    await b.close();
  }
}

// In the page: picks a value in a control the way a reader's change does (no pointer
// intent first, so nothing is preloaded) and resolves once the element shows it.
const INTERACT = `async ([host, control, value, attr, intent, shows]) => {
  const el = document.querySelector(host);
  const input = el.querySelector(control);
  const done = () => el.getAttribute(attr) === shows && !el.hasAttribute('aria-busy');
  // A reader's focus reaches a control before its value changes.
  if (intent) input.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  const t0 = performance.now();
  // Watch before changing: a view restored from memory updates within the event itself.
  const updated = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no update within 60 s: ' + (el.querySelector('.ds-status') || {}).textContent)), 60000);
    const mo = new MutationObserver(() => { if (done()) { mo.disconnect(); clearTimeout(timer); resolve(); } });
    mo.observe(el, { attributes: true });
  });
  input.value = value;
  input.dispatchEvent(new Event('change', { bubbles: true }));
  await updated;
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  return performance.now() - t0;
}`;

export interface Action {
  label: string;
  host: string;
  control: string;
  value: string;
  /** Attribute of the host that shows the value once drawn. */
  attr: string;
  /** What `attr` reads once drawn, when not `value` (a slider step shows its threshold). */
  shows?: string;
}

/** Milliseconds from the change to the element showing it (two frames later). */
export function interact(page: Page, a: Action, intent = false): Promise<number> {
  return page.evaluate(`(${INTERACT})(${JSON.stringify([a.host, a.control, a.value, a.attr, intent, a.shows ?? a.value])})`) as Promise<number>;
}

export interface ReaderInteraction {
  /** Change → the element shows the new value (two frames later). */
  ms: number;
  /** Wasm requests while the page was only read. */
  wasmWhileReading: number;
  /** Wasm requests by the time the figure answered. */
  wasmBeforeAnswer: number;
  /** The first status text shown while the figure loaded, and when (ms after the change); null when none showed. */
  progress: { text: string; atMs: number } | null;
  /** Requests served between the change and the answer. */
  served: string[];
  /** When the engine was ready to take over the next query (ms after the change), or null if nothing started it. */
  engineReadyMs: number | null;
}

/**
 * A reader's first change, as they meet it: a fresh profile on a throttled connection,
 * the page read for `readMs` (no input), focus reaching the control, then the choice.
 */
export async function measureReaderInteraction(server: StaticServer, path: string, profile: NetworkProfile, a: Action, readMs = 5000): Promise<ReaderInteraction> {
  const b = await openBrowser(profile);
  const isWasm = (l: { path: string }) => l.path.endsWith('.wasm');
  try {
    const start = server.log.length;
    await b.page.goto(server.origin + path, { waitUntil: 'load', timeout: 120_000 });
    await b.page.waitForSelector(`${a.host}[data-ready]`, { timeout: 60_000 });
    await b.page.waitForTimeout(readMs);
    const wasmWhileReading = server.log.slice(start).filter(isWasm).length;
    await b.page.evaluate((h) => {
      const status = document.querySelector(`${h} .ds-status`);
      const w = window as unknown as { __progress: { text: string; at: number } | null };
      w.__progress = null;
      if (!status) return;
      new MutationObserver(() => {
        if (!w.__progress && status.textContent) w.__progress = { text: status.textContent, at: performance.now() };
      }).observe(status, { childList: true, characterData: true, subtree: true });
    }, a.host);
    const t0 = (await b.page.evaluate(() => performance.now())) as number;
    const from = server.log.length;
    const ms = await interact(b.page, a, true);
    const progress = (await b.page.evaluate(() => (window as unknown as { __progress: { text: string; at: number } | null }).__progress)) as { text: string; at: number } | null;
    const served = server.log.slice(from);
    const wasmBeforeAnswer = server.log.slice(start).filter(isWasm).length;
    const engineReady = (await b.page.evaluate(async () => {
      const slot = (globalThis as unknown as Record<symbol, { runner?: Promise<unknown> } | undefined>)[Symbol.for('deep-signal.query-runner')];
      if (!slot?.runner) return null;
      await Promise.race([slot.runner, new Promise((r) => setTimeout(r, 90_000))]);
      return performance.now();
    })) as number | null;
    return {
      ms,
      wasmWhileReading,
      wasmBeforeAnswer,
      progress: progress ? { text: progress.text, atMs: Math.max(0, progress.at - t0) } : null,
      served: served.map((l) => `${l.path}${l.range ? ` ${l.range}` : ''}`),
      engineReadyMs: engineReady === null ? null : engineReady - t0,
    };
  } finally {
    await b.close();
  }
}

/** Waits until the server has had no request for `quietMs` (prefetches done). */
export async function serverIdle(server: StaticServer, quietMs = 400): Promise<void> {
  let seen = -1;
  while (seen !== server.log.length) {
    seen = server.log.length;
    await new Promise((r) => setTimeout(r, quietMs));
  }
}

/** Loads the engine the way a reader's pointer on a control does, and waits for it. */
export async function warmEngine(page: Page, host: string): Promise<void> {
  await page.evaluate(async (h) => {
    document.querySelector(`${h} .ds-controls`)?.dispatchEvent(new PointerEvent('pointerenter'));
    document.querySelector(`${h} select`)?.dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
    const slot = (globalThis as unknown as Record<symbol, { runner?: Promise<unknown> } | undefined>)[Symbol.for('deep-signal.query-runner')];
    await slot?.runner;
  }, host);
}
