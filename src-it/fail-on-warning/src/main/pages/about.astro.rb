# Pragma: revalidat 60
@team = Team.members
__END__
<ul>{team.map(m => <li>{m.name}</li>)}</ul>
