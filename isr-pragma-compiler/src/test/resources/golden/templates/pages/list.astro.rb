# Pragma: revalidate 5m tags: posts
import Layout, from: '../layouts/Layout.astro'
import Card, from: '../components/Card.astro'
import Chart, from: '../components/Chart.vue'
import Post, from: '../models/post.js'

@posts = Post.published
@post = @posts.first
__END__
<Layout title={"#{@posts.length} posts"}>
  <ul>
    {posts.map { |p| <li key={p.id}>{p.title}</li> }}
  </ul>
  <p class="tags">{post.tags.map(&:name).join(", ")}</p>
  {posts.map(p => <Card post={p} />)}
  <nav>{posts.map(p => <a href={`/posts/${p.slug}`}>{p.title}</a>)}</nav>
</Layout>
