// Makes pages/ of this Next.js app a link to the vercel target's output folder, so the page modules
// keep their real location and their relative imports (the blog's models, the target's _isr/
// modules) resolve as the compiler wrote them. _isr/ holds .mjs files only, which are not a page
// extension of Next.js: it is no route. (Turbopack follows a linked folder but cannot parse a
// linked file, so pages/ is one link, not a folder of links.)
//
//   node link-pages.mjs [vercel output folder]     (default: ../target/generated-sources/isr/vercel)
import { mkdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const BLOG_VERCEL_OUTPUT = path.resolve(here, '../target/generated-sources/isr/vercel');

/** Replaces `<appDir>/pages` with a link to `vercelOutput`. */
export function linkPages(appDir, vercelOutput) {
  if (!statSync(vercelOutput, { throwIfNoEntry: false })?.isDirectory()) {
    throw new Error(`${vercelOutput} is not a folder: build the vercel target first (mvn package -DskipTests in examples/blog)`);
  }
  const pages = path.join(appDir, 'pages');
  rmSync(pages, { recursive: true, force: true });
  mkdirSync(appDir, { recursive: true });
  symlinkSync(path.relative(appDir, vercelOutput), pages, 'junction');
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const output = process.argv[2] ? path.resolve(process.argv[2]) : BLOG_VERCEL_OUTPUT;
  linkPages(here, output);
  console.log(`pages/ -> ${output}`);
}
