// isr:help -Ddetail documents every goal and every parameter with its isr.* property.
def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)

['isr:generate', 'isr:check', 'isr:help'].each { assert log.contains(it): it }
['pagesDirectory', 'outputDirectory', 'targets', 'includes', 'excludes', 'skip', 'failOnWarning', 'encoding'].each {
    assert log.contains("User property: isr.$it"): "no isr.$it in help output"
}
assert log.contains('targets (Default: node)')
assert log.contains('pagesDirectory (Default: ${project.basedir}/src/main/pages)')
assert log.contains('<pagesDirectory>${project.basedir}/src/main/pages</pagesDirectory>')
