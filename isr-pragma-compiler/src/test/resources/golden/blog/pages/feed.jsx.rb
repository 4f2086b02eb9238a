# Pragma: revalidate 10m tags: feed, posts
import Post, from: '../models/post.js'
import FeedItem, from: '../components/FeedItem.jsx'

@items = Post.published.limit(20)
__END__
<ul>{items.map(i => <FeedItem item={i} />)}</ul>
