# Pragma: revalidate 5m tags: posts, comments
import Layout, from: '../../layouts/Layout.astro'
import Post, from: '../../models/post.js'
import [formatDate, slugify], from: '../../lib/format.js'

@post = await Post.find(@@slug)
@comments = @post&.comments
@published = formatDate(@post.date)
__END__
<Layout title={post.title}>
  <h1>{post.title}</h1>
  <time>{published}</time>
  <p>{comments.length} comments</p>
</Layout>
