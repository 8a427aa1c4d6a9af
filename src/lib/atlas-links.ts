// Links to atlas pages as markup, shared by every atlas figure: the href is built from
// the site's base (a sub-path deploy) and the page paths of src/lib/atlas-paths.ts.
import { categoryPath, projectPath, underBase } from './atlas-paths.ts';
import { m, type Markup, type MarkupChild } from './markup.ts';

export function projectLink(base: string, repo: string, text: MarkupChild = repo): Markup {
  return m('a', { href: underBase(base, projectPath(repo)) }, text);
}

export function categoryLink(base: string, id: string, text: MarkupChild): Markup {
  return m('a', { href: underBase(base, categoryPath(id)) }, text);
}
