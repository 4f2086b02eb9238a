# Pragma: revalidate -5
@post = Post.find(@@slug)
__END__
<h1>{post.title}</h1>
