// An article holds prose and components, never a script: the site's scripts are bundled
// modules (src/client/) under a Content-Security-Policy without 'unsafe-inline', and a
// <script> written in MDX would otherwise reach readers (the build refuses it too).
import type { Problem } from './problem.ts';

export function checkScripts(file: string, text: string): Problem[] {
  const out: Problem[] = [];
  const lines = text.split('\n');
  let fence = false;
  lines.forEach((line, i) => {
    // Code shown in a fenced block is text, not a script.
    if (/^\s*(```|~~~)/.test(line)) fence = !fence;
    if (fence) return;
    if (/<script\b/i.test(line.replace(/`[^`]*`/g, ''))) {
      out.push({
        file,
        line: i + 1,
        message: 'an article may not contain a <script>',
        hint: 'interactive figures are components (src/components/) whose scripts live in src/client/; remove the <script>',
      });
    }
  });
  return out;
}
