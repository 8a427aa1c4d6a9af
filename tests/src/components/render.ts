// Renders components with Astro's container API over the published fixture, and strips
// the attributes Astro adds in dev mode (scoping ids, source locations) so tests can
// match the HTML a reader gets.
import { experimental_AstroContainer as AstroContainer, type ContainerRenderOptions } from 'astro/container';
import { usePublishedFixture } from '../../helpers/published-fixture.ts';

type Component = Parameters<AstroContainer['renderToString']>[0];

let container: Promise<AstroContainer> | undefined;

export async function setup(): Promise<void> {
  await usePublishedFixture();
  container ??= AstroContainer.create();
  await container;
}

export function clean(html: string): string {
  return html.replace(/\s+data-astro-(?:cid-[a-z0-9]+|source-file|source-loc)(?:="[^"]*")?/g, '');
}

export async function render(component: Component, options: ContainerRenderOptions = {}): Promise<string> {
  if (!container) throw new Error('call setup() in beforeAll first');
  return clean(await (await container).renderToString(component, options));
}
