// The outputs of a deleted page disappear, the manifest forgets it, the other pages' outputs stay.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

def runs = log.summaries()
assert runs.size() == 2: log.text
assert runs[0].found == 3 && runs[0].compiled == 3
assert runs[1].found == 2 && runs[1].compiled == 0 && runs[1].skipped == 2 && runs[1].removed > 0
assert !new File(basedir, 'src/main/pages/about.astro.rb').exists()
def files = BuildLog.filesUnder(new File(out, 'node'))
assert !files.any { it.startsWith('about.') }: files
assert files.containsAll(['index.js', 'posts/[slug].js'])
assert !new File(out, 'isr-manifest.json').getText('UTF-8').contains('about.astro.rb')
