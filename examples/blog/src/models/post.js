// Post: the blog's model, in the style of an ORM. Queries are lazy: `Post.published.order(...)`
// only describes a query; it runs when awaited (a query is a thenable), as a database query would.
// Every run is counted, so the example can show that a cached page does not query again.
//
// Storage: the posts come from data/posts.json; Post.create keeps new posts in memory only (the
// JSON file is never written), so a restart starts again from the file. The file is a JSON module
// import, not a file read, so the model runs where there is no file system too: in a Cloudflare
// Worker (worker.mjs), where the bundler or the Workers runtime includes the JSON in the Worker.

import savedRows from '../../data/posts.json' with { type: 'json' };

// never changed in place: create() replaces the array, queries hand out copies of its rows
let rows = savedRows;
let queries = 0;

/** An immutable query description; awaiting it runs it once and counts one query. */
class Query {
  #filter;
  #compare;
  #shape;

  constructor(filter = () => true, compare = null, shape = (found) => found) {
    this.#filter = filter;
    this.#compare = compare;
    this.#shape = shape;
  }

  /** Only the posts whose fields equal every given value: `where({ published: true })`. */
  where(conditions) {
    const previous = this.#filter;
    const matches = (post) => Object.entries(conditions).every(([field, value]) => post[field] === value);
    return new Query((post) => previous(post) && matches(post), this.#compare, this.#shape);
  }

  /** Sorted by one field, Rails style: `order({ date: "desc" })`. */
  order(spec) {
    const [[field, direction]] = Object.entries(spec);
    const sign = String(direction).toLowerCase() === 'desc' ? -1 : 1;
    const compare = (a, b) => sign * String(a[field]).localeCompare(String(b[field]));
    return new Query(this.#filter, compare, this.#shape);
  }

  /** The number of matching posts, still lazy. */
  count() {
    return new Query(this.#filter, null, (found) => found.length);
  }

  /** The first matching post or null, still lazy. */
  first() {
    return new Query(this.#filter, this.#compare, (found) => found[0] ?? null);
  }

  then(onFulfilled, onRejected) {
    return Promise.resolve().then(() => this.#run()).then(onFulfilled, onRejected);
  }

  #run() {
    queries++;
    const found = rows.filter(this.#filter).map((post) => ({ ...post }));
    if (this.#compare) found.sort(this.#compare);
    return this.#shape(found);
  }
}

/** A post that cannot be saved as given; the message says why. */
export class InvalidPostError extends Error {
  name = 'InvalidPostError';
}

const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

function slugify(title) {
  return title.toLowerCase().normalize('NFKD').replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

export default class Post {
  static get all() {
    return new Query();
  }

  static get published() {
    return new Query().where({ published: true });
  }

  static get drafts() {
    return new Query().where({ published: false });
  }

  /** The post with this slug, or null. */
  static find(slug) {
    return new Query().where({ slug: String(slug) }).first();
  }

  /**
   * Saves a new post in memory and returns it. `title` is required; `slug` defaults to one made
   * from the title, `date` (YYYY-MM-DD) to today, `published` to true.
   */
  static async create({ title, slug, body = '', date, published = true } = {}) {
    if (typeof title !== 'string' || title.trim() === '') {
      throw new InvalidPostError('title is required');
    }
    const post = {
      slug: slug ?? slugify(title),
      title: title.trim(),
      date: date ?? new Date().toISOString().slice(0, 10),
      published: Boolean(published),
      body: String(body),
    };
    if (!SLUG_PATTERN.test(post.slug)) {
      throw new InvalidPostError(`slug must be lowercase words joined by "-", got ${JSON.stringify(post.slug)}`);
    }
    if (rows.some((existing) => existing.slug === post.slug)) {
      throw new InvalidPostError(`a post with slug ${JSON.stringify(post.slug)} exists already`);
    }
    rows = [...rows, post];
    return { ...post };
  }

  /** How many queries have run since start (or the last reset). */
  static queryCount() {
    return queries;
  }

  /** Back to the posts of data/posts.json and a query count of 0 (tests). */
  static reset() {
    rows = savedRows;
    queries = 0;
  }
}
