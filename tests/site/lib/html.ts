// Just enough HTML reading for build-output checks: attribute values, ids, headings.

const decode = (s: string): string =>
  s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** Markup outside <script> and <style>, where a link-like string is not a link. */
export function withoutScripts(html: string): string {
  return html.replace(/<script\b[\s\S]*?<\/script>/gi, '').replace(/<style\b[\s\S]*?<\/style>/gi, '');
}

/** Every href, src and srcset URL in the markup. */
export function links(html: string): string[] {
  const out: string[] = [];
  for (const m of withoutScripts(html).matchAll(/\s(href|src|srcset)\s*=\s*("([^"]*)"|'([^']*)')/gi)) {
    const value = decode(m[3] ?? m[4] ?? '');
    if (m[1]!.toLowerCase() === 'srcset') out.push(...value.split(',').map((s) => s.trim().split(/\s+/)[0]!).filter(Boolean));
    else out.push(value);
  }
  return out;
}

export function ids(html: string): Set<string> {
  return new Set([...withoutScripts(html).matchAll(/\sid\s*=\s*"([^"]*)"/g)].map((m) => decode(m[1]!)));
}

export function meta(html: string, key: string): string | undefined {
  const re = new RegExp(`<meta\\s+(?:property|name)="${key}"\\s+content="([^"]*)"`, 'i');
  return re.exec(html)?.[1];
}

/** Text of the h1–h4 headings, tags stripped. */
export function headings(html: string): string[] {
  return [...html.matchAll(/<h([1-4])\b[^>]*>([\s\S]*?)<\/h\1>/g)].map((m) => text(m[2]!).replace(/\s*#$/, '').trim());
}

export function text(html: string): string {
  return decode(withoutScripts(html).replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');
}

/** The <article> element's markup: the report body, without site chrome. */
export function article(html: string): string {
  const start = html.indexOf('<article');
  const end = html.lastIndexOf('</article>');
  return start >= 0 && end > start ? html.slice(start, end) : '';
}
