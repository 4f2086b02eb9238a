package blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.runtime.Isr;
import dev.isr.runtime.IsrCache;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The blog end to end: the server on a free port over the generated pages, asserted over HTTP. The
 * cache runs on the test's clock, and its refreshes run on the reading thread, so "stale, then
 * refreshed" is a sequence of requests, never a wait.
 */
class BlogServerTest {

    private final TestClock clock = new TestClock();
    private final PostRepository posts = PostRepository.withSamplePosts();
    private final HttpClient client = HttpClient.newHttpClient();
    private IsrCache defaultCache;
    private BlogServer server;

    @BeforeEach
    void start() throws IOException {
        defaultCache = Isr.cache();
        IsrCache cache = IsrCache.builder().clock(clock).executor(Runnable::run).build();
        server = BlogServer.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), posts, cache);
    }

    @AfterEach
    void stop() {
        server.close();
        assertEquals(defaultCache, Isr.cache(), "the server puts the facade's cache back");
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String path, String form) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(uri(path)).header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String cacheStatus(HttpResponse<?> response) {
        return response.headers().firstValue("x-isr-cache").orElse("none") + " age "
                + response.headers().firstValue("age").orElse("none");
    }

    @Test
    void theListIsAMissThenFreshWithinTheTtlThenStaleThenRefreshed() throws Exception {
        HttpResponse<String> first = get("/posts");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("<a href=\"/posts/hello-world\">Hello, world</a>"), first.body());
        assertEquals("MISS age 0", cacheStatus(first));

        clock.advance(Duration.ofSeconds(30));
        assertEquals("FRESH age 30", cacheStatus(get("/posts")));
        assertEquals(1, posts.queries(), "served from the cache within the ttl");

        clock.advance(Duration.ofSeconds(30));
        assertEquals("STALE age 60", cacheStatus(get("/posts")));
        assertEquals(2, posts.queries(), "the stale read started one refresh");
        assertEquals("FRESH age 0", cacheStatus(get("/posts")));
        assertEquals(2, posts.queries());
    }

    @Test
    void eachSlugIsItsOwnCacheEntry() throws Exception {
        assertEquals("MISS age 0", cacheStatus(get("/posts/hello-world")));
        HttpResponse<String> other = get("/posts/caching");
        assertEquals("MISS age 0", cacheStatus(other));
        assertTrue(other.body().contains("<h1>Caching with a pragma</h1>"), other.body());
        assertEquals("FRESH age 0", cacheStatus(get("/posts/hello-world")));
        assertEquals(2, posts.queries());

        HttpResponse<String> missing = get("/posts/no-such-post");
        assertEquals(404, missing.statusCode());
        assertEquals("MISS age 0", cacheStatus(missing));
        assertEquals("FRESH age 0", cacheStatus(get("/posts/no-such-post")), "an absent post is cached like any data");
    }

    @Test
    void aNewPostInvalidatesEveryPageTaggedPosts() throws Exception {
        get("/posts");
        get("/posts/new-post");
        assertEquals("FRESH age 0", cacheStatus(get("/posts")));

        HttpResponse<String> created = post("/posts", "slug=new-post&title=Fresh+%26+new&body=Hi");
        assertEquals(201, created.statusCode());
        assertEquals(Optional.of("/posts/new-post"), created.headers().firstValue("location"));

        HttpResponse<String> list = get("/posts");
        assertEquals("MISS age 0", cacheStatus(list));
        assertTrue(list.body().contains("Fresh &amp; new"), list.body());
        HttpResponse<String> detail = get("/posts/new-post");
        assertEquals(200, detail.statusCode(), "the cached 'not found' went with the tag");
        assertEquals("MISS age 0", cacheStatus(detail));
    }

    @Test
    void badPostsAreRefusedAndInvalidateNothing() throws Exception {
        get("/posts");
        assertEquals(400, post("/posts", "slug=Not+A+Slug&title=x").statusCode());
        assertEquals(400, post("/posts", "slug=ok&title=+").statusCode());
        assertEquals(409, post("/posts", "slug=caching&title=Again").statusCode());
        assertEquals("FRESH age 0", cacheStatus(get("/posts")));
    }

    @Test
    void theUncachedPageAndUnknownPaths() throws Exception {
        HttpResponse<String> about = get("/about");
        assertEquals(200, about.statusCode());
        assertTrue(about.body().contains("one-line pragma"), about.body());
        assertFalse(about.headers().firstValue("x-isr-cache").isPresent(), "a page without pragma is not cached");

        assertEquals(404, get("/nowhere").statusCode());
        assertEquals(404, get("/posts/a/b").statusCode());
        HttpResponse<String> delete = client.send(HttpRequest.newBuilder(uri("/posts")).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, delete.statusCode());
    }
}
