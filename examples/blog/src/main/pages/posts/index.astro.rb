# Pragma: revalidate 60 tags: posts
import Post, from: '../../../models/post.js'

@posts = Post.published.order(date: :desc)
__END__
<h1>Posts</h1>
<ul>
  {posts.map(p => <li><a href={`/posts/${p.slug}`}>{p.title}</a> <time>{p.date}</time></li>)}
</ul>
