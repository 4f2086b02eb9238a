# Pragma: revalidate 60
@greeting = "Hello"
@user = cookies[:user]
__END__
<p>{greeting}, {user}</p>
