// A tiny in-memory model: enough for the generated modules to load and run.
const posts = [
  { slug: "hello", title: "Hello", date: "2024-01-01", published: true },
  { slug: "later", title: "Later", date: "2024-02-01", published: true },
];

export let queries = 0;

const query = (rows) => ({
  order: () => query([...rows].sort((a, b) => b.date.localeCompare(a.date))),
  then: (resolve, reject) => { queries++; return Promise.resolve(rows).then(resolve, reject); },
});

export default {
  get published() { return query(posts.filter((p) => p.published)); },
  find: (slug) => query(posts.find((p) => p.slug === slug) ?? null),
};
