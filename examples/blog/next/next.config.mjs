// The blog's Next.js app. Its pages/ are the vercel target's output, linked by link-pages.mjs; the
// page modules import the blog's models from ../src/models, so Turbopack's root is the blog folder.
import { fileURLToPath } from 'node:url';

const blog = fileURLToPath(new URL('..', import.meta.url));

export default {
  turbopack: {
    root: blog,
    rules: {
      // post.js finds data/posts.json with new URL('…', import.meta.url). Bundled, that would name a
      // static asset of the build; the loader keeps it naming the file beside the model, as in plain Node.
      '*.js': {
        condition: { path: /(^|[\\/])src[\\/]models[\\/]/ },
        loaders: [fileURLToPath(new URL('./loaders/source-file-url.cjs', import.meta.url))],
      },
    },
  },
  outputFileTracingRoot: blog,
};
