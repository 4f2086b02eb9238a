import java.util.regex.Pattern

/**
 * The build.log of one integration-test case, read the way a user reads it: the ISR summary line of
 * each run, and javac-style diagnostics (headline, source line, caret under the column).
 * Loaded by the cases' verify.groovy through the invoker's scriptVariables (itSupport).
 */
class BuildLog {

    private static final Pattern SUMMARY = ~/ISR: (\d+) pages? found, (\d+) compiled, (\d+) skipped, (\d+) failed(?:, (\d+) stale files? removed)?; targets ([^;]+); [\d.]+ s \((JRuby boot [\d.]+ s|JRuby not started)\)/

    final List<String> lines
    final String text

    BuildLog(File basedir) {
        def file = new File(basedir, 'build.log')
        text = file.getText('UTF-8')
        lines = text.readLines()
    }

    boolean contains(String part) {
        text.contains(part)
    }

    /** One map per `ISR: ...` summary line, in the order of the runs. */
    List<Map> summaries() {
        lines.findResults { line ->
            def m = SUMMARY.matcher(line)
            m.find() ? [found   : m.group(1) as int, compiled: m.group(2) as int, skipped: m.group(3) as int,
                        failed  : m.group(4) as int, removed: (m.group(5) ?: '0') as int, targets: m.group(6),
                        jrubyStarted: m.group(7) != 'JRuby not started', line: line] : null
        }
    }

    /**
     * Asserts a logged diagnostic `[ERROR] path:line:col: error: message` (path relative to the project)
     * whose message mentions every given part, followed by the page's source line and a caret under the
     * column. Returns the headline.
     */
    String assertDiagnostic(String severity, String path, int line, String sourceLine, List<String> messageParts) {
        def level = severity == 'error' ? 'ERROR' : 'WARNING'
        def headline = ~/^\[$level\] ${Pattern.quote(path)}:$line:(\d+): $severity: (.*)$/
        int at = lines.findIndexOf { l -> def m = headline.matcher(l); m.find() && messageParts.every { m.group(2).contains(it) } }
        assert at >= 0: "no '$severity' diagnostic at $path:$line mentioning $messageParts in:\n$text"
        def m = headline.matcher(lines[at])
        m.find()
        int column = m.group(1) as int
        assert lines[at + 1] == sourceLine: "source line after ${lines[at]}"
        assert lines[at + 2].trim() == '^': "caret line after ${lines[at]}"
        assert lines[at + 2].indexOf('^') == column - 1: "caret under column $column of ${lines[at]}"
        lines[at]
    }

    /** Every regular file under dir, as paths relative to it with / separators, sorted. */
    static List<String> filesUnder(File dir) {
        if (!dir.exists()) {
            return []
        }
        def files = []
        dir.eachFileRecurse(groovy.io.FileType.FILES) { files << dir.toPath().relativize(it.toPath()).toString().replace('\\', '/') }
        files.sort()
    }
}
