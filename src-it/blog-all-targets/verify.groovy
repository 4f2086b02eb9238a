// Every kind of page compiled for the node target: files, manifest, header comments, and the
// generated modules run in Node (node-check.mjs).
import groovy.json.JsonSlurper

def BuildLog = new GroovyClassLoader(getClass().classLoader).parseClass(new File(itSupport, "BuildLog.groovy"))
def log = BuildLog.newInstance(basedir)
def out = new File(basedir, "target/generated-sources/isr")

def runs = log.summaries()
assert runs.size() == 1: log.text
assert runs[0].subMap('found', 'compiled', 'skipped', 'failed') == [found: 4, compiled: 4, skipped: 0, failed: 0]
assert runs[0].targets == 'node'
assert runs[0].jrubyStarted
assert runs[0].line.endsWith('-> target/generated-sources/isr')

def manifest = new JsonSlurper().parse(new File(out, 'isr-manifest.json'))
def pages = manifest.pages.collectEntries { [it.source, it] }
def expected = [
        'index.astro.rb'         : [route: '/', params: [], revalidate: null, tags: [], stem: 'index'],
        'posts/index.astro.rb'   : [route: '/posts', params: [], revalidate: 60, tags: ['posts'], stem: 'posts/index'],
        'posts/[slug].astro.rb'  : [route: '/posts/[slug]', params: ['slug'], revalidate: 300, tags: [], stem: 'posts/[slug]'],
        'docs/[...path].astro.rb': [route: '/docs/[...path]', params: ['path'], revalidate: 3600, tags: ['docs', 'search'],
                                    stem: 'docs/[...path]'],
]
assert pages.keySet() == expected.keySet()
expected.each { source, want ->
    def page = pages[source]
    assert page.route == want.route
    assert page.params == want.params
    assert page.revalidate == want.revalidate
    assert page.tags == want.tags
    assert page.files == [node: ["node/${want.stem}.astro", "node/${want.stem}.js"]*.toString()]
}
assert pages['index.astro.rb'].keyPattern == 'page:/'
assert pages['posts/index.astro.rb'].keyPattern == 'page:/posts'
assert pages['posts/[slug].astro.rb'].keyPattern.startsWith('page:/posts/') && pages['posts/[slug].astro.rb'].keyPattern.contains('slug')
assert manifest.shared.node.contains('node/_isr/isr.js')

// exactly the files the manifest lists, nothing else
def listed = (manifest.pages.collectMany { it.files.node } + manifest.shared.node + ['isr-manifest.json']).sort()
assert BuildLog.filesUnder(out) == listed

// every generated page file names its source and says not to edit it, near the top
expected.each { source, want ->
    ['js', 'astro'].each { ext ->
        def head = new File(out, "node/${want.stem}.${ext}").readLines('UTF-8').take(2).join('\n')
        assert head.contains(source.tokenize('/').last()) && head.toLowerCase().contains('do not edit'): "header of ${want.stem}.${ext}: $head"
    }
}

def list = new File(out, 'node/posts/index.js').getText('UTF-8')
assert list.contains('withRevalidate(cacheKey(params), revalidate')
assert list =~ /Post\.published\.order\(\{\s*date: "desc"\s*\}\)/
assert list.contains('// index.astro.rb:4')
assert !new File(out, 'node/index.js').getText('UTF-8').contains('withRevalidate')
assert new File(out, 'node/posts/index.astro').getText('UTF-8').contains('<ul>{posts.map(p =>')

// the modules run in Node: keys, ttl, tags, and a cached load
def node = ['node', 'node-check.mjs'].execute(null, basedir)
def stdout = new StringBuilder(), stderr = new StringBuilder()
node.waitForProcessOutput(stdout, stderr)
assert node.exitValue() == 0: "node-check.mjs failed:\n$stdout\n$stderr"
assert stdout.toString().contains('node-check: ok')
