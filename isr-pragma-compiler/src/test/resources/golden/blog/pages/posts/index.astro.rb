# Pragma: revalidate 1h tags: posts
import Post, from: '../../models/post.js'

@recent = Post.all.select { |p| p.draft? == false }
@titles = @recent.map(&:title)
__END__
<ul>{titles.map(t => <li>{t}</li>)}</ul>
