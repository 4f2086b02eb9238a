# Pragma: revalidate 60
# Pragma: revalidate 5m
@stats = compute_stats()
__END__
<p>{stats}</p>
