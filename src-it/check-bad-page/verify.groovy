// isr:check reports the errors of every page, fails, and writes nothing - not even incremental state.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

log.assertDiagnostic('error', 'src/main/pages/posts/[slug].astro.rb', 1, '# Pragma: revalidate -5', [])
log.assertDiagnostic('error', 'src/main/pages/profile.astro.rb', 2, '@name = session[:name]', ['session'])
def summary = log.lines.find { it.contains('ISR check: 3 pages found') }
assert summary: log.text
assert summary.contains('1 checked, 0 skipped, 2 failed') && summary.endsWith('nothing written')
assert log.contains('BUILD FAILURE')
assert !new File(basedir, 'target').exists()
