# Pragma: revalidate 60

@posts = Post.published.order(date: :desc)
__END__
<Layout>
  {posts.map { |p| <Card post={p} /> }}
</Layout>
