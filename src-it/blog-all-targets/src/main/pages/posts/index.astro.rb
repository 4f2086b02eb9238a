# Pragma: revalidate 60 tags: posts
import Post, from: '../../../models/post.js'

@posts = Post.published.order(date: :desc)
__END__
<ul>{posts.map(p => <li><a href={`/posts/${p.slug}`}>{p.title}</a></li>)}</ul>
