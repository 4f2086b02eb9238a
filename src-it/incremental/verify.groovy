// Unchanged pages are not recompiled; a run with no change does not start JRuby; one edit, one compile.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

def runs = log.summaries()
assert runs.size() == 3: log.text
assert runs[0].subMap('found', 'compiled', 'skipped', 'failed') == [found: 3, compiled: 3, skipped: 0, failed: 0]
assert runs[0].jrubyStarted
assert runs[1].subMap('found', 'compiled', 'skipped', 'failed') == [found: 3, compiled: 0, skipped: 3, failed: 0]
assert !runs[1].jrubyStarted
assert runs[1].line.contains('JRuby not started')
assert runs[2].subMap('found', 'compiled', 'skipped', 'failed') == [found: 3, compiled: 1, skipped: 2, failed: 0]
assert new File(out, 'node/about.astro').getText('UTF-8').contains('<p>Edited.</p>')
// only changed bytes are written: the edit touched the template, so of the page's outputs only
// about.astro was rewritten in run 3; every other file keeps the timestamp of run 1
def edited = new File(out, 'node/about.astro').lastModified()
def untouched = ['node/about.js', 'node/index.js', 'node/index.astro', 'node/posts/[slug].js', 'node/_isr/isr.js']
assert untouched.findAll { new File(out, it).lastModified() >= edited } == []
