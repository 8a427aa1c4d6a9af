// Astro integration: writes <outDir>/_headers (Netlify, Cloudflare Pages and other hosts
// that read it; GitHub Pages ignores it): long immutable caching for Astro's hashed
// assets, the wasm MIME type, and a Content-Security-Policy built from what the build
// really contains, so the site satisfies it by construction: scripts only from the
// site (plus the hash of any inline script Astro emitted), WebAssembly for DuckDB-WASM,
// its worker, and the newsletter form's endpoint. Paths are relative to the published
// folder: serve dist/ at the host's root (a sub-path deploy on such a host needs the
// same prefix on each rule).
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';

export interface CspInput {
  /** sha256 sources of inline scripts, e.g. "'sha256-…'". */
  scriptHashes: readonly string[];
  /** Origins forms post to, besides the site itself. */
  formOrigins: readonly string[];
}

/**
 * The policy as a <meta http-equiv> can carry it, for hosts that ignore _headers (GitHub
 * Pages): frame-ancestors, report-uri and sandbox are ignored in a meta tag, so they stay
 * in _headers only.
 */
export function metaContentSecurityPolicy(input: CspInput): string {
  return contentSecurityPolicy(input)
    .split('; ')
    .filter((d) => !/^(frame-ancestors|report-uri|sandbox)\b/.test(d))
    .join('; ');
}

export function contentSecurityPolicy(input: CspInput): string {
  return [
    "default-src 'self'",
    // 'wasm-unsafe-eval' lets DuckDB-WASM compile its WebAssembly; it allows no JavaScript eval.
    `script-src 'self' 'wasm-unsafe-eval'${input.scriptHashes.map((h) => ` ${h}`).join('')}`,
    // Astro inlines small stylesheets and the charts set colours in style attributes.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    // DuckDB-WASM fetches its wasm and the published Parquet (range requests) from the site.
    "connect-src 'self'",
    // DuckDB-WASM runs in a worker; some browsers start it from a blob: URL.
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self'${input.formOrigins.map((o) => ` ${o}`).join('')}`,
    "frame-ancestors 'none'",
  ].join('; ');
}

function htmlFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(p);
    }
  };
  walk(dir);
  return out.sort();
}

/** An inline script found in the build: the page and its first characters. */
export interface InlineScript {
  page: string;
  code: string;
}

/**
 * Inline scripts of the build. Every script of the site is a bundled module (src/client/),
 * so an inline one can only come from content (a <script> written in an article): the
 * build refuses it rather than adding its hash to the policy, which would let it run.
 */
export function inlineScripts(dir: string): InlineScript[] {
  const out: InlineScript[] = [];
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1] ?? '';
      if (/\ssrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs)) continue;
      out.push({ page: relative(dir, file).split(sep).join('/'), code: (m[2] ?? '').trim().slice(0, 60) });
    }
  }
  return out;
}

/** What the built pages need from the policy: inline script hashes and form targets. */
export function scanBuild(dir: string): CspInput {
  const hashes = new Set<string>();
  const forms = new Set<string>();
  for (const file of htmlFiles(dir)) {
    const html = readFileSync(file, 'utf8');
    for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      const attrs = m[1] ?? '';
      if (/\ssrc=/.test(attrs) || /type="application\/(ld\+)?json"/.test(attrs)) continue;
      hashes.add(`'sha256-${createHash('sha256').update(m[2] ?? '').digest('base64')}'`);
    }
    for (const m of html.matchAll(/<form\b[^>]*\saction="(https?:\/\/[^"/]+)[^"]*"/g)) forms.add(new URL(m[1]!).origin);
  }
  return { scriptHashes: [...hashes].sort(), formOrigins: [...forms].sort() };
}

export function headersFile(input: CspInput): string {
  return `# Written by the build (src/node/headers.ts). Paths are relative to this folder.
/*
  Content-Security-Policy: ${contentSecurityPolicy(input)}
  X-Content-Type-Options: nosniff
  Referrer-Policy: strict-origin-when-cross-origin

# Astro's bundles, styles and wasm carry a content hash in their names: they never change.
/_astro/*
  Cache-Control: public, max-age=31536000, immutable

/_astro/*.wasm
  Content-Type: application/wasm
`;
}

export function securityHeaders(): AstroIntegration {
  return {
    name: 'deep-signal:headers',
    hooks: {
      'astro:build:done': ({ dir, logger }) => {
        const out = fileURLToPath(dir);
        const inline = inlineScripts(out);
        if (inline.length > 0) {
          throw new Error(
            `inline <script> in the build, which the Content-Security-Policy forbids:\n${inline.map((s) => `  ${s.page}: <script>${s.code}…`).join('\n')}\n  Scripts belong in src/client/ as modules; an article (content/reports/*.mdx) may not contain one.`,
          );
        }
        const input = scanBuild(out);
        writeFileSync(join(out, '_headers'), headersFile(input));
        // The same policy in every page, for hosts that ignore _headers.
        const meta = `<meta http-equiv="Content-Security-Policy" content="${metaContentSecurityPolicy(input).replaceAll('"', '&quot;')}">`;
        for (const file of htmlFiles(out)) {
          const html = readFileSync(file, 'utf8');
          // Right after <meta charset>: before anything the policy governs.
          const withMeta = html.replace(/(<meta charset="utf-8"\s*\/?>)/i, `$1${meta}`);
          if (withMeta !== html) writeFileSync(file, withMeta);
        }
        const where = relative(process.cwd(), join(out, '_headers')).split(sep).join('/');
        logger.info(`wrote ${where} (${input.scriptHashes.length} inline script hash${input.scriptHashes.length === 1 ? '' : 'es'})`);
      },
    },
  };
}
