# Pragma: revalidate 30
@segments = @@all
__END__
<p>{segments}</p>
