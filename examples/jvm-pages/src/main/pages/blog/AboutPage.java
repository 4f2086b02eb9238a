package blog;

/** No pragma: nothing to cache, so the jvm target copies the page as it is. */
public class AboutPage {

    public String text() {
        return "A blog whose pages are Java classes, cached with a one-line pragma.";
    }
}
