# Pragma: revalidate 5m
import Post, from: '../../../models/post.js'

@post = await Post.find(@@slug)
__END__
{@post.nil? ? <p class="missing">{"No post at /posts/#{@@slug}."}</p> : <article>
  <h1>{post.title}</h1>
  <time>{post.date}</time>
  <p>{post.body}</p>
</article>}
