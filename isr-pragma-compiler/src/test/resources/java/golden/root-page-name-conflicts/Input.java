// Pragma: revalidate 90s
class IndexPage {
    /** Not java.util.Set: the generated code must not import it. */
    static class Set {
    }

    int load() { return 6 * 7; }
}
