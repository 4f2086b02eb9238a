// A Cache API stand-in for running isr-cloudflare.js under Node: match/put/delete keyed by URL,
// storing copies of the responses. `dropPuts` makes put() store nothing, as the real Cache API
// may do silently. The real thing is exercised in workerd (isr-cloudflare-workerd.test.js).

function urlOf(request) {
  return typeof request === 'string' ? request : request.url;
}

export class MemoryCacheApi {
  #stored = new Map();
  dropPuts = false;
  puts = 0;

  async match(request) {
    const stored = this.#stored.get(urlOf(request));
    return stored ? new Response(stored.body, { headers: stored.headers }) : undefined;
  }

  async put(request, response) {
    this.puts++;
    const body = await response.text();
    if (!this.dropPuts) this.#stored.set(urlOf(request), { body, headers: [...response.headers] });
  }

  async delete(request) {
    return this.#stored.delete(urlOf(request));
  }

  /** URLs stored so far, for assertions about the layout of entries. */
  urls() {
    return [...this.#stored.keys()];
  }

  headersOf(url) {
    return new Headers(this.#stored.get(url)?.headers);
  }
}
