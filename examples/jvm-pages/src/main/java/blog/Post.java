package blog;

/** A blog post; immutable, so one cached instance can be served to every reader. */
public record Post(String slug, String title, String body) {
}
