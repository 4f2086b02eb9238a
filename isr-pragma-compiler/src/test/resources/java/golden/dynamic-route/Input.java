package posts;

import java.io.IOException;
import java.util.List;

/**
 * Shows one post.
 *
 * Pragma: revalidate 5m tags: posts, comments route: /posts/{slug}
 */
public class PostPage {

    private final PostRepository repository = new PostRepository();

    /** Loads the post; runs against the database. */
    public Post load(String slug) throws IOException {
        // look it up
        Post post = repository.find(slug);
        String body = """
            Hello,
              world
            """;
        return post;
    }

    public String title(Post post) { return post.title(); }
}
