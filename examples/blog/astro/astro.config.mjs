// A minimal Astro server app over the node target's output, to prove that the generated .astro
// pages are valid Astro components (test/astro.test.mjs builds and serves it).
//
// The pages are not copied: each .astro file the manifest lists is routed where the compiler wrote
// it, so its relative imports (its data module, _isr/, the blog's model) resolve exactly as generated.
// Their .js data modules sit beside them and would be endpoints in a src/pages folder.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';

const OUTPUT = new URL('../target/generated-sources/isr/', import.meta.url);

/** Routes every generated .astro page of the manifest at its page's route. */
function generatedPages() {
  return {
    name: 'isr-generated-pages',
    hooks: {
      'astro:config:setup': ({ injectRoute }) => {
        const manifest = JSON.parse(readFileSync(new URL('isr-manifest.json', OUTPUT), 'utf8'));
        for (const page of manifest.pages) {
          const astroFile = (page.files.node ?? []).find((file) => file.endsWith('.astro'));
          if (astroFile) {
            // a file path, not a URL: page file names may hold '%' or '#'
            injectRoute({ pattern: page.route, entrypoint: join(fileURLToPath(OUTPUT), astroFile) });
          }
        }
        // the test's window into the model: how many queries the pages have run
        injectRoute({ pattern: '/_test/queries', entrypoint: fileURLToPath(new URL('./queries.js', import.meta.url)) });
      },
    },
  };
}

export default defineConfig({
  output: 'server',
  adapter: node({ mode: 'standalone' }),
  integrations: [generatedPages()],
});
