# Pragma: revalidate 60 tags: posts
import Layout, from: '../../../components/Layout.astro'
import Card, from: '../../../components/Card.astro'
import Post, from: '../../../models/post.js'

@posts = Post.published.order(date: :desc)
__END__
<Layout title="Posts">
  {posts.map { |p| <Card post={p} /> }}
</Layout>
