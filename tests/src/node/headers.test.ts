import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, headersFile, scanBuild } from '../../../src/node/headers.ts';

describe('_headers', () => {
  it('hashes inline scripts and allows the forms’ targets, nothing else', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ds-headers-'));
    try {
      mkdirSync(join(dir, 'a'));
      writeFileSync(join(dir, 'index.html'), '<script type="module" src="/_astro/x.js"></script><script>go()</script><form action="https://news.example/subscribe?x=1"></form>');
      writeFileSync(join(dir, 'a', 'index.html'), '<script type="application/ld+json">{}</script><script>go()</script>');
      const input = scanBuild(dir);
      expect(input).toEqual({ scriptHashes: [`'sha256-${createHash('sha256').update('go()').digest('base64')}'`], formOrigins: ['https://news.example'] });
      const csp = contentSecurityPolicy(input);
      expect(csp).toContain(`script-src 'self' 'wasm-unsafe-eval' ${input.scriptHashes[0]}`);
      expect(csp).toContain("form-action 'self' https://news.example");
      expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('caches hashed assets for a year and types wasm', () => {
    const text = headersFile({ scriptHashes: [], formOrigins: [] });
    expect(text).toMatch(/^\/\*\n {2}Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; /m);
    expect(text).toMatch(/^\/_astro\/\*\n {2}Cache-Control: public, max-age=31536000, immutable$/m);
    expect(text).toMatch(/^\/_astro\/\*\.wasm\n {2}Content-Type: application\/wasm$/m);
  });
});

describe('the policy on hosts that ignore _headers, and scripts in content', () => {
  it('puts the policy a <meta> can carry in every page (no frame-ancestors)', async () => {
    const { metaContentSecurityPolicy } = await import('../../../src/node/headers.ts');
    const meta = metaContentSecurityPolicy({ scriptHashes: [], formOrigins: [] });
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta).toContain("connect-src 'self'");
    expect(meta).not.toContain('frame-ancestors');
  });

  it('finds an inline script in the build, which the build refuses', async () => {
    const { inlineScripts } = await import('../../../src/node/headers.ts');
    const dir = mkdtempSync(join(tmpdir(), 'ds-inline-'));
    try {
      mkdirSync(join(dir, 'reports'));
      writeFileSync(join(dir, 'reports', 'index.html'), '<script type="module" src="/_astro/x.js"></script><p>hi</p><script>alert(1)</script>');
      writeFileSync(join(dir, 'index.html'), '<script type="application/ld+json">{}</script>');
      expect(inlineScripts(dir)).toEqual([{ page: 'reports/index.html', code: 'alert(1)' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the editor check names the line of a <script> in an article, and leaves code blocks alone', async () => {
    const { checkScripts } = await import('../../../src/node/content-checks/scripts.ts');
    const text = 'Intro\n\n```html\n<script>shown()</script>\n```\n\nSee `<script>` tags.\n<script>steal()</script>\n';
    expect(checkScripts('content/reports/2026-q2.mdx', text)).toEqual([
      expect.objectContaining({ file: 'content/reports/2026-q2.mdx', line: 8, message: 'an article may not contain a <script>' }),
    ]);
  });
});
