@title = "Welcome"
__END__
<h1>{title}</h1>
<a href="/posts">All posts</a>
