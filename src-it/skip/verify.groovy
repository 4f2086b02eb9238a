// -Disr.skip: the goal says so and touches nothing.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

assert log.contains('[INFO] ISR: skipped')
assert log.summaries() == []
assert !new File(basedir, 'target').exists()
