# Pragma: revalidate soon
@posts = Post.all
__END__
<p>{posts.length}</p>
