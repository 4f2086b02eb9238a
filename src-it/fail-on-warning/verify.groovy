// A pragma typo is a warning, logged javac-style at warning level; failOnWarning makes it fail the build,
// also when the page was not recompiled.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)

def warning = ['src/main/pages/about.astro.rb', 1, '# Pragma: revalidat 60', ["'revalidat'", 'revalidate']]
log.assertDiagnostic('warning', *warning)
def runs = log.summaries()
assert runs.size() == 2: log.text
assert runs[0].compiled == 1 && runs[1].skipped == 1
assert log.lines.count { it.startsWith('[WARNING] src/main/pages/about.astro.rb:1:') } == 2
def failure = log.lines.find { it.contains('Failed to execute goal') }
assert failure?.contains('ISR: 1 warning in pages (failOnWarning is set):'): log.text
assert new File(basedir, 'target/generated-sources/isr/node/about.js').exists()
