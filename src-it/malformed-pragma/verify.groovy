// Every bad pragma of every page is reported javac-style, the build fails, and no page is written.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

log.assertDiagnostic('error', 'src/main/pages/soon.astro.rb', 1, '# Pragma: revalidate soon', ['soon'])
log.assertDiagnostic('error', 'src/main/pages/twice.astro.rb', 2, '# Pragma: revalidate 5m', ['revalidate'])
assert log.contains('BUILD FAILURE')
assert log.summaries().collect { [it.found, it.compiled, it.failed] } == [[2, 0, 2]]
// a failing build writes nothing at all: no page output, no manifest, not even the targets' runtime files
assert BuildLog.filesUnder(out) == []: "files written by a failing build: ${BuildLog.filesUnder(out)}"
