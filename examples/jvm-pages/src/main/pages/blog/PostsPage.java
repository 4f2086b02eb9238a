package blog;

import java.util.List;

/**
 * Every post, newest first: one query per minute at most, however many readers.
 *
 * Pragma: revalidate 60 tags: posts route: /posts
 */
public class PostsPage {

    private final PostRepository posts;

    public PostsPage(PostRepository posts) {
        this.posts = posts;
    }

    public List<Post> load() {
        return posts.all();
    }
}
