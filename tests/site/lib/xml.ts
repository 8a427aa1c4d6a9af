// A small well-formedness check for the feeds (no XML parser among the dependencies):
// balanced tags, one root, no bare "&", no "<" inside text.

export interface XmlNode {
  name: string;
  text: string;
  children: XmlNode[];
}

export function parseXml(src: string): XmlNode {
  const body = src.replace(/^\uFEFF?<\?xml[^?]*\?>\s*/, '');
  const root: XmlNode = { name: '#document', text: '', children: [] };
  const stack: XmlNode[] = [root];
  const re = /<!\[CDATA\[([\s\S]*?)\]\]>|<!--[\s\S]*?-->|<(\/?)([A-Za-z_][\w:.-]*)((?:\s+[\w:.-]+\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>|([^<]+)|(<)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const top = stack.at(-1)!;
    if (m[1] !== undefined) top.text += m[1];
    else if (m[7] !== undefined) throw new Error(`stray "<" at ${m.index}`);
    else if (m[6] !== undefined) {
      if (/&(?!(amp|lt|gt|quot|apos|#\d+|#x[\da-fA-F]+);)/.test(m[6])) throw new Error(`bare "&" in text at ${m.index}`);
      if (stack.length === 1 && m[6].trim()) throw new Error('text outside the root element');
      top.text += m[6].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
    } else if (m[3] !== undefined) {
      if (m[2] === '/') {
        if (top.name !== m[3]) throw new Error(`</${m[3]}> closes <${top.name}> at ${m.index}`);
        stack.pop();
      } else {
        const node: XmlNode = { name: m[3], text: '', children: [] };
        top.children.push(node);
        if (m[5] !== '/') stack.push(node);
      }
    }
  }
  if (stack.length !== 1) throw new Error(`<${stack.at(-1)!.name}> is never closed`);
  if (root.children.length !== 1) throw new Error(`${root.children.length} root elements`);
  return root.children[0]!;
}

export function all(node: XmlNode, name: string): XmlNode[] {
  return [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => all(c, name))];
}
