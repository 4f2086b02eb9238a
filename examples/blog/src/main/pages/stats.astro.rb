# Pragma: revalidate 1h
import Post, from: '../../models/post.js'

@published = Post.published.count()
@drafts = Post.drafts.count()
__END__
<h1>Stats</h1>
<p>{published} posts published, {drafts} in draft.</p>
