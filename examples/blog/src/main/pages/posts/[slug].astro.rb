# Pragma: revalidate 5m
import Post, from: '../../../models/post.js'

@post = await Post.find(@@slug)
__END__
<article>
  <h1>{post.title}</h1>
  <time>{post.date}</time>
  <p>{post.body}</p>
</article>
