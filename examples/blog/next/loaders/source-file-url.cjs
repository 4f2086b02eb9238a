// A Turbopack loader (see next.config.mjs): replaces import.meta.url with the module's own file URL,
// so `new URL('../data/x.json', import.meta.url)` names that file at run time, as it does unbundled.
const { pathToFileURL } = require('node:url');

module.exports = function sourceFileUrl(source) {
  return source.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(this.resourcePath).href));
};
