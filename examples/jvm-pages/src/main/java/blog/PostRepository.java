package blog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The posts, in memory, standing in for a database. It counts its queries, so the cache's effect
 * shows: every query is a call the pages' cache could not save.
 */
public final class PostRepository {

    private final List<Post> posts = new ArrayList<>();
    private final AtomicInteger queries = new AtomicInteger();

    /** A repository holding two posts. */
    public static PostRepository withSamplePosts() {
        PostRepository repository = new PostRepository();
        repository.add(new Post("hello-world", "Hello, world", "The first post."));
        repository.add(new Post("caching", "Caching with a pragma", "One comment line caches a page."));
        return repository;
    }

    /** Every post, newest first. */
    public synchronized List<Post> all() {
        queries.incrementAndGet();
        List<Post> newestFirst = new ArrayList<>(posts);
        Collections.reverse(newestFirst);
        return List.copyOf(newestFirst);
    }

    public synchronized Optional<Post> find(String slug) {
        queries.incrementAndGet();
        return posts.stream().filter(post -> post.slug().equals(slug)).findFirst();
    }

    /** @return false when a post with that slug exists already */
    public synchronized boolean add(Post post) {
        if (posts.stream().anyMatch(existing -> existing.slug().equals(post.slug()))) {
            return false;
        }
        posts.add(post);
        return true;
    }

    /** How many times {@link #all()} and {@link #find(String)} ran. */
    public int queries() {
        return queries.get();
    }
}
