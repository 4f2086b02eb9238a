# Pragma: revalidate 1d
# Pragma: skip
@menu = %w[croissant café]
@count = (1..3).to_a
__END__
<ul>{menu.map(m => <li>{m}</li>)}</ul>
