// Stand-ins for what Cloudflare Workers give generated cloudflare-target modules, so that Node can
// run them: a Cache API over a Map, and an execution context that records what it is handed.

function urlOf(request) {
  return typeof request === "string" ? request : request.url;
}

/** match/put/delete keyed by URL, storing copies of the responses, as caches.default does. */
export class MemoryCache {
  #stored = new Map();

  async match(request) {
    const stored = this.#stored.get(urlOf(request));
    return stored ? new Response(stored.body, { headers: stored.headers }) : undefined;
  }

  async put(request, response) {
    this.#stored.set(urlOf(request), { body: await response.text(), headers: [...response.headers] });
  }

  async delete(request) {
    return this.#stored.delete(urlOf(request));
  }
}

/** An execution context whose waitUntil keeps the promises, so a test can see and await them. */
export class RecordingContext {
  handed = [];

  waitUntil(promise) {
    this.handed.push(promise);
  }

  /** Awaits everything handed so far; returns how many there were. */
  async settle() {
    const count = this.handed.length;
    await Promise.all(this.handed.splice(0));
    return count;
  }
}
