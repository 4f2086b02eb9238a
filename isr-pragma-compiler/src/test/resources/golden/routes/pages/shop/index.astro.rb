__END__
<p>A page without front matter: no data, no cache.</p>
