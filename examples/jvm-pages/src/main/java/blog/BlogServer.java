package blog;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.isr.runtime.Isr;
import dev.isr.runtime.IsrCache;
import dev.isr.runtime.IsrListener;
import dev.isr.runtime.IsrResult;
import dev.isr.runtime.redis.IsrCodec;
import dev.isr.runtime.redis.RedisIsrStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;

/**
 * The blog's HTTP server (the JDK's {@code com.sun.net.httpserver}) over the generated pages:
 * {@code GET /posts}, {@code GET /posts/{slug}} and {@code GET /about}. Every cached page answers with
 * {@code x-isr-cache: FRESH | STALE | MISS} (as Next.js sends {@code x-nextjs-cache}) and {@code age}
 * in seconds, both from the page's generated {@code loadWithStatus}. {@code POST /posts} (a form with
 * {@code slug}, {@code title} and {@code body}) adds a post and invalidates every page tagged {@code posts}.
 *
 * <pre>
 * mvn compile exec:java                     # http://127.0.0.1:8080
 * mvn compile exec:java -Dexec.args=9000    # or PORT=9000 in the environment
 * ISR_REDIS_URL=redis://127.0.0.1:6379 mvn compile exec:java   # the page cache in Redis, shared by instances
 * </pre>
 */
public final class BlogServer implements AutoCloseable {

    private static final int DEFAULT_PORT = 8080;
    private static final int MAX_FORM_BYTES = 64 * 1024;
    private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final HttpServer http;
    private final ExecutorService workers;
    private final IsrCache replacedCache;
    private final PostRepository posts;
    private final PostsPage postsPage;
    private final PostPage postPage;
    private final AboutPage aboutPage = new AboutPage();

    private BlogServer(HttpServer http, ExecutorService workers, IsrCache replacedCache, PostRepository posts) {
        this.http = http;
        this.workers = workers;
        this.replacedCache = replacedCache;
        this.posts = posts;
        this.postsPage = new PostsPage(posts);
        this.postPage = new PostPage(posts);
    }

    /**
     * Starts a server on {@code address} (port 0 picks a free port).
     *
     * @param cache the page cache. The generated pages read through the static {@link Isr} facade, so
     *              the server installs {@code cache} there ({@link Isr#install}) and puts the one it
     *              replaced back on {@link #close()}: tests hand in a cache with their own clock.
     */
    public static BlogServer start(InetSocketAddress address, PostRepository posts, IsrCache cache) throws IOException {
        HttpServer http = HttpServer.create(address, 0);
        ExecutorService workers = Executors.newFixedThreadPool(8);
        BlogServer server = new BlogServer(http, workers, Isr.install(cache), posts);
        http.createContext("/", server::handle);
        http.setExecutor(workers);
        http.start();
        return server;
    }

    /** The port the server listens on. */
    public int port() {
        return http.getAddress().getPort();
    }

    /** Stops serving and puts the facade's previous cache back. */
    @Override
    public void close() {
        http.stop(0);
        workers.shutdownNow();
        Isr.install(replacedCache);
    }

    public static void main(String[] args) throws IOException {
        String port = args.length > 0 ? args[0] : System.getenv().getOrDefault("PORT", Integer.toString(DEFAULT_PORT));
        InetSocketAddress address;
        try {
            address = new InetSocketAddress(InetAddress.getLoopbackAddress(), Integer.parseInt(port.strip()));
        } catch (IllegalArgumentException e) {
            System.err.println("The port (first argument or PORT) must be a number from 0 to 65535, was '" + port + "'");
            System.exit(2);
            return;
        }
        BlogServer server = start(address, PostRepository.withSamplePosts(), cacheFromEnvironment());
        System.out.println("Blog on http://" + address.getAddress().getHostAddress() + ":" + server.port() + "/posts");
    }

    /**
     * With {@code ISR_REDIS_URL} (or {@code -Disr.redis.url}) set, e.g. {@code redis://127.0.0.1:6379}: a
     * cache whose values live in that Redis, shared by every server instance that points at it (one
     * fetch per page for all of them; a new post invalidates the pages on all of them). Else a cache in
     * this process.
     */
    static IsrCache cacheFromEnvironment() {
        String redisUrl = System.getProperty("isr.redis.url", System.getenv("ISR_REDIS_URL"));
        if (redisUrl == null || redisUrl.isBlank()) {
            return IsrCache.builder().build();
        }
        // the page data (Post, lists and Optionals of it) is in package blog: the codec rebuilds only that
        RedisIsrStore store = RedisIsrStore.builder(redisUrl.strip()).namespace("blog").codec(IsrCodec.json("blog")).build();
        return IsrCache.builder().store(store).listener(new IsrListener() {
            @Override
            public void onStoreFailure(String key, Throwable error) {
                System.err.println("Redis unavailable, " + key + " fetched directly: " + error);
            }
        }).build();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            try {
                route(exchange);
            } catch (RuntimeException e) {
                // e.g. IsrFetchException: a miss whose fetch failed; nothing was cached
                System.err.println(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " failed: " + e);
                if (exchange.getResponseCode() == -1) {
                    send(exchange, 500, Views.message("Internal server error"));
                }
            }
        }
    }

    private void route(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        if (path.equals("/posts") && method.equals("POST")) {
            createPost(exchange);
        } else if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("allow", "GET, HEAD, POST");
            send(exchange, 405, Views.message("Method not allowed"));
        } else if (path.equals("/posts")) {
            IsrResult<List<Post>> list = postsPage.loadWithStatus();
            sendCached(exchange, list, Views.posts(list.value()));
        } else if (path.startsWith("/posts/") && path.indexOf('/', "/posts/".length()) < 0) {
            IsrResult<Optional<Post>> post = postPage.loadWithStatus(pathSegment(path.substring("/posts/".length())));
            sendCached(exchange, post, post.value().map(Views::post).orElseGet(() -> Views.message("Not found")));
        } else if (path.equals("/about")) {
            send(exchange, 200, Views.about(aboutPage.text()));
        } else {
            send(exchange, 404, Views.message("Not found"));
        }
    }

    /** A page served from the cache, with how it was served; a missing post is a 404, cached like any data. */
    private static void sendCached(HttpExchange exchange, IsrResult<?> result, String html) throws IOException {
        exchange.getResponseHeaders().set("x-isr-cache", result.status().name());
        exchange.getResponseHeaders().set("age", Long.toString(result.age().toSeconds()));
        boolean missing = result.value() instanceof Optional<?> optional && optional.isEmpty();
        send(exchange, missing ? 404 : 200, html);
    }

    private void createPost(HttpExchange exchange) throws IOException {
        Optional<Map<String, String>> fields = form(exchange.getRequestBody());
        if (fields.isEmpty()) {
            send(exchange, 413, Views.message("The form is larger than " + MAX_FORM_BYTES + " bytes"));
            return;
        }
        Map<String, String> form = fields.get();
        String slug = form.getOrDefault("slug", "");
        String title = form.getOrDefault("title", "").strip();
        if (!SLUG.matcher(slug).matches() || title.isEmpty()) {
            send(exchange, 400, Views.message("A post needs a slug (a-z, 0-9 and inner dashes) and a title"));
            return;
        }
        if (!posts.add(new Post(slug, title, form.getOrDefault("body", "")))) {
            send(exchange, 409, Views.message("A post with that slug exists already"));
            return;
        }
        // the list and every post page are tagged "posts": the next read of each fetches anew
        Isr.invalidateTag("posts");
        exchange.getResponseHeaders().set("location", "/posts/" + slug);
        send(exchange, 201, Views.message("Created"));
    }

    /** The fields of an {@code application/x-www-form-urlencoded} body; empty when it is too large. */
    private static Optional<Map<String, String>> form(InputStream body) throws IOException {
        byte[] bytes = body.readNBytes(MAX_FORM_BYTES + 1);
        if (bytes.length > MAX_FORM_BYTES) {
            return Optional.empty();
        }
        Map<String, String> fields = new HashMap<>();
        for (String pair : new String(bytes, StandardCharsets.UTF_8).split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.of(fields);
    }

    /** A percent-encoded path segment; unlike a form value, a '+' in a path is a plus sign. */
    private static String pathSegment(String raw) {
        return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static void send(HttpExchange exchange, int status, String html) throws IOException {
        byte[] bytes = html.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("content-type", "text/html; charset=utf-8");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
