// A cached data block must not read per-visitor state: the error points at the read and explains the leak.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

def headline = log.assertDiagnostic('error', 'src/main/pages/account.astro.rb', 3, '@user = cookies[:user]', ['cookies'])
assert headline.contains('differs per visitor') && headline.contains('would serve one visitor'): headline
assert log.contains('BUILD FAILURE')
// a failing build writes nothing at all: no page output, no manifest, not even the targets' runtime files
assert BuildLog.filesUnder(out) == []: "files written by a failing build: ${BuildLog.filesUnder(out)}"
