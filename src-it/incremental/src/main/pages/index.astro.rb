@title = "Home"
__END__
<h1>{title}</h1>
