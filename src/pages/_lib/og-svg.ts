// The share image as an SVG string, rasterised by sharp in og/[quarter].png.ts. Fonts are
// whatever the build machine's fontconfig resolves for these families: nothing is fetched.

export interface OgInput {
  quarterLabel: string;
  title: string;
  figures: { label: string; value: string; delta?: string }[];
  /** Category colours with weights (e.g. commits) for the bar across the top. */
  bar: { colour: string; weight: number }[];
  partial: boolean;
}

const W = 1200;
const H = 630;
const PAD = 80;
const SANS = "'DejaVu Sans', 'Liberation Sans', Arial, Helvetica, sans-serif";

const esc = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Greedy wrap by an average glyph width: SVG text has no line breaking of its own. */
export function wrap(text: string, maxChars: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && (line + ' ' + word).length > maxChars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  if (lines.length > maxLines) {
    const kept = lines.slice(0, maxLines);
    kept[maxLines - 1] = `${kept[maxLines - 1]!.replace(/\s+\S*$/, '')}…`;
    return kept;
  }
  return lines;
}

export function ogSvg(input: OgInput): string {
  const titleSize = input.title.length > 70 ? 52 : 60;
  const lines = wrap(input.title, Math.floor((W - 2 * PAD) / (titleSize * 0.58)), 3);
  const total = input.bar.reduce((s, b) => s + b.weight, 0) || 1;
  let x = 0;
  const bar = input.bar
    .map((b) => {
      const w = (b.weight / total) * W;
      const rect = `<rect x="${x.toFixed(2)}" y="0" width="${(w + 0.5).toFixed(2)}" height="14" fill="${esc(b.colour)}"/>`;
      x += w;
      return rect;
    })
    .join('');
  const titleY = 210;
  const title = lines
    .map((l, i) => `<tspan x="${PAD}" y="${titleY + i * titleSize * 1.12}">${esc(l)}</tspan>`)
    .join('');
  const colW = (W - 2 * PAD) / input.figures.length;
  const figures = input.figures
    .map((f, i) => {
      const fx = PAD + i * colW;
      return `<g transform="translate(${fx.toFixed(1)} 470)">
  <rect x="0" y="0" width="${(colW - 28).toFixed(1)}" height="2" fill="#4a4945"/>
  <text x="0" y="34" font-size="22" fill="#a5a29b">${esc(f.label)}</text>
  <text x="0" y="86" font-size="48" font-weight="700" fill="#f4f2ec">${esc(f.value)}</text>
  ${f.delta ? `<text x="0" y="120" font-size="21" fill="#a5a29b">${esc(f.delta)}</text>` : ''}
</g>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="${SANS}">
<rect width="${W}" height="${H}" fill="#111111"/>
${bar}
<text x="${PAD}" y="110" font-size="24"><tspan font-weight="700" letter-spacing="3" fill="#8cbcff">DEEP SIGNAL</tspan><tspan dx="14" fill="#a5a29b">${esc(input.quarterLabel)}${input.partial ? ' · partial quarter' : ''}</tspan></text>
<text font-size="${titleSize}" font-weight="700" fill="#f4f2ec" letter-spacing="-1">${title}</text>
${figures}
</svg>`;
}
