// The DuckDB worker's wrapper refuses requests to other origins before they are sent.
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { originGuardedWorkerSource } from '../../../src/client/worker-origin-guard.ts';

function sandbox() {
  const sent: string[] = [];
  const imported: string[] = [];
  class XMLHttpRequest {
    open(_method: string, url: string) {
      sent.push(`xhr ${url}`);
    }
  }
  const ctx: Record<string, unknown> = {
    XMLHttpRequest,
    URL,
    fetch: (u: string) => {
      sent.push(`fetch ${u}`);
      return Promise.resolve('ok');
    },
    importScripts: (u: string) => imported.push(u),
  };
  ctx.self = ctx;
  return { ctx, sent, imported };
}

describe('the worker origin guard', () => {
  const src = originGuardedWorkerSource('https://deepsignal.example', 'https://deepsignal.example/_astro/duckdb-browser-eh.worker.js');

  it("loads DuckDB's worker script, and lets requests to the site through", async () => {
    const { ctx, sent, imported } = sandbox();
    runInNewContext(src, ctx);
    expect(imported).toEqual(['https://deepsignal.example/_astro/duckdb-browser-eh.worker.js']);
    const Xhr = ctx.XMLHttpRequest as new () => { open(m: string, u: string): void };
    new Xhr().open('GET', '/data/2026-q2/scope_quarters.parquet');
    await (ctx.fetch as (u: string) => Promise<unknown>)('https://deepsignal.example/_astro/duckdb-eh.wasm');
    expect(sent).toEqual(['xhr /data/2026-q2/scope_quarters.parquet', 'fetch https://deepsignal.example/_astro/duckdb-eh.wasm']);
  });

  it('refuses any other origin before a request is made (ATTACH, read_csv of a URL)', async () => {
    const { ctx, sent } = sandbox();
    runInNewContext(src, ctx);
    const Xhr = ctx.XMLHttpRequest as new () => { open(m: string, u: string): void };
    expect(() => new Xhr().open('HEAD', 'https://attacker.example/x.db')).toThrow(/refused: https:\/\/attacker\.example\/x\.db is not on this site/);
    await expect((ctx.fetch as (u: string) => Promise<unknown>)('http://deepsignal.example.evil/x')).rejects.toThrow(/refused/);
    expect(sent).toEqual([]);
  });
});
