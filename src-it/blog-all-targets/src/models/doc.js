export default {
  at: async (path) => ({ path, html: `<p>${path}</p>` }),
};
