package blog;

import java.util.Optional;

/**
 * One post. Each slug is its own cache entry; tagged posts, so a new post refreshes it too.
 *
 * Pragma: revalidate 60 tags: posts route: /posts/{slug}
 */
public class PostPage {

    private final PostRepository posts;

    public PostPage(PostRepository posts) {
        this.posts = posts;
    }

    public Optional<Post> load(String slug) {
        return posts.find(slug);
    }
}
