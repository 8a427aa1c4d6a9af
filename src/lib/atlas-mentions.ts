// Which articles mention which projects and categories, read from the articles' source:
// a repository by its owner/name (in prose, code or a component's repo="…"), a category
// by its id (a component's category="…") or its name as printed. Pure, for the build.

export interface MentionSource {
  quarter: string;
  title: string;
  body: string;
}

export interface Mentions {
  repos: Map<string, string[]>;
  categories: Map<string, string[]>;
}

const PATH_TOKEN = /[A-Za-z0-9_.-]+(?:\/[A-Za-z0-9_.-]+)+/g;
const ID_TOKEN = /[a-z0-9]+(?:-[a-z0-9]+)+/g;

function add(map: Map<string, string[]>, key: string, quarter: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [quarter]);
  else if (!list.includes(quarter)) list.push(quarter);
}

/** Quarters (in the order given) whose article names each repository and category. */
export function findMentions(
  articles: readonly MentionSource[],
  repos: readonly string[],
  categories: readonly { category_id: string; name: string }[],
): Mentions {
  const repoSet = new Set(repos);
  const ids = new Set(categories.map((c) => c.category_id));
  const out: Mentions = { repos: new Map(), categories: new Map() };
  for (const a of articles) {
    // Any two consecutive segments of a path may be a repository (github.com/owner/name).
    for (const [token] of a.body.matchAll(PATH_TOKEN)) {
      const parts = token.split('/');
      for (let i = 0; i + 1 < parts.length; i++) {
        // A sentence may end right after the name: "… vllm-project/vllm." names vllm.
        const name = `${parts[i]}/${parts[i + 1]!.replace(/\.+$/, '')}`;
        if (repoSet.has(name)) add(out.repos, name, a.quarter);
      }
    }
    for (const [token] of a.body.matchAll(ID_TOKEN)) if (ids.has(token)) add(out.categories, token, a.quarter);
    const lower = a.body.toLowerCase();
    for (const c of categories) if (lower.includes(c.name.toLowerCase())) add(out.categories, c.category_id, a.quarter);
  }
  return out;
}
