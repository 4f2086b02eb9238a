// An unknown target is a configuration error naming the parameter, the bad value and the valid names.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

def error = log.lines.find { it.contains('Failed to execute goal') }
assert error: log.text
assert error.contains("Parameter 'targets' (isr.targets) has an unknown target 'nodejs'; valid targets: ")
assert error.substring(error.indexOf('valid targets: ')).tokenize(':, ').contains('node')
assert log.summaries() == []
assert BuildLog.filesUnder(out) == []
