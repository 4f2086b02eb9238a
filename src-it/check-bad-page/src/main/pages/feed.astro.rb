# Pragma: revalidate 60
@posts = Post.all
__END__
<ul>
  {posts.map { |p| <li>{p.tags.map(t => t.name)}</li> }}
  {posts.map { |p| p.send(:title) }}
  {posts.map { |p| p.tags.map(t => t) }}
</ul>
