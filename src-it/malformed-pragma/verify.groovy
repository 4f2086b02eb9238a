// Every bad pragma of every page is reported javac-style, the build fails, and no page is written.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

log.assertDiagnostic('error', 'src/main/pages/soon.astro.rb', 1, '# Pragma: revalidate soon', ['soon'])
log.assertDiagnostic('error', 'src/main/pages/twice.astro.rb', 2, '# Pragma: revalidate 5m', ['revalidate'])
assert log.contains('BUILD FAILURE')
assert log.summaries().collect { [it.found, it.compiled, it.failed] } == [[2, 0, 2]]
// no page output and no manifest (the targets' shared runtime files may be there)
assert BuildLog.pageOutputsUnder(out) == []
