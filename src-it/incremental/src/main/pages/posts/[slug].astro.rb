# Pragma: revalidate 5m tags: posts
@post = await Post.find(@@slug)
__END__
<h1>{post.title}</h1>
