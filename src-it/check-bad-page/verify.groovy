// isr:check reports the errors of every page, fails, and writes nothing - not even incremental state.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

log.assertDiagnostic('error', 'src/main/pages/posts/[slug].astro.rb', 1, '# Pragma: revalidate -5', [])
log.assertDiagnostic('error', 'src/main/pages/profile.astro.rb', 2, '@name = session[:name]', ['session'])
// template expressions: Ruby inside the element inside a Ruby block is judged on its own (here JavaScript, kept);
// Ruby that cannot be translated is reported at its page line and column
def send = log.assertDiagnostic('error', 'src/main/pages/feed.astro.rb', 6, '  {posts.map { |p| p.send(:title) }}', ['`send` cannot be translated'])
assert send.contains('feed.astro.rb:6:22:'): send
// a container with signs of both languages is an error at its `{`
def mixed = log.assertDiagnostic('error', 'src/main/pages/feed.astro.rb', 7, '  {posts.map { |p| p.tags.map(t => t) }}', ['mixes Ruby', 'and JavaScript'])
assert mixed.contains('feed.astro.rb:7:3:'): mixed
def summary = log.lines.find { it.contains('ISR check: 4 pages found') }
assert summary: log.text
assert summary.contains('1 checked, 0 skipped, 3 failed') && summary.endsWith('nothing written')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target').exists()
