# Pragma: revalidate 60
import Layout, from: '../layouts/Layout.astro'
import Card, from: '../components/Card.astro'
import Post, from: '../models/post.js'

@posts = Post.published.order(date: :desc)
@title = "Posts (#{@posts.length})"
__END__
<Layout title={title}>
  {posts.map(p => <Card post={p} />)}
</Layout>
