# Pragma: revalidate 60
@posts = Post.all
__END__
<p>{posts.length}</p>
