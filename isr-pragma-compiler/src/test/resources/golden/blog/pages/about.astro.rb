import Layout, from: '../layouts/Layout.astro'

@team = fetch("https://example.com/team.json").then { |r| r.json() }
__END__
<Layout title="About">{team.length} people</Layout>
