// One post in a list, for React (Next.js); the counterpart of Card.astro.
export default function Card({ post }) {
  return (
    <article className="card">
      <a href={`/posts/${post.slug}`}>{post.title}</a> <time>{post.date}</time>
    </article>
  );
}
