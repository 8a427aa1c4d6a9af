// Lets plain `node` load the site's modules, which import their SQL as `./x.sql?raw`
// (a Vite convention): the file's text becomes the module's default export. Register
// before importing those modules, i.e. import them dynamically afterwards.
import { readFileSync } from 'node:fs';
import { registerHooks } from 'node:module';
import { fileURLToPath } from 'node:url';

let registered = false;

export function registerRawImports(): void {
  if (registered) return;
  registered = true;
  registerHooks({
    load(url, context, nextLoad) {
      if (url.startsWith('file:') && url.endsWith('?raw')) {
        const text = readFileSync(fileURLToPath(url.slice(0, -'?raw'.length)), 'utf8');
        return { format: 'module', source: `export default ${JSON.stringify(text)};`, shortCircuit: true };
      }
      return nextLoad(url, context);
    },
  });
}
