// GET /_test/queries: the blog model's query count, so the test can tell a cached page from a query.
import Post from '../src/models/post.js';

export function GET() {
  return Response.json({ queries: Post.queryCount() });
}
