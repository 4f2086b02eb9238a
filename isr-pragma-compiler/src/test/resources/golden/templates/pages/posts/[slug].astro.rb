# Pragma: revalidate 1h
import Post, from: '../../models/post.js'

@post = await Post.find(@@slug)
__END__
<!-- one post; {braces} in a comment are no expression -->
<article>
  <h1>{@post.title}</h1>
  <a href={"/posts/#{@@slug}/comments"}>Comments</a><br>
  {post.comments.map do |c|
    <p class="comment">{c.body}</p>
  end}
</article>
