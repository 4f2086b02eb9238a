# Pragma: revalidate 1h
@name = session[:name]
__END__
<p>{name}</p>
