# Pragma: revalidate 1d
@team = Team.members
__END__
<ul>{team.map(m => <li>{m.name}</li>)}</ul>
