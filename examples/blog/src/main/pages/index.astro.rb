# No pragma: this page is rendered anew on every request.
@title = "The ISR pragma blog"
__END__
<h1>{title}</h1>
<ul>
  <li><a href="/posts">Posts</a></li>
  <li><a href="/stats">Stats</a></li>
</ul>
