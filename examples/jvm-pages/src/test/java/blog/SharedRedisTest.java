package blog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.isr.runtime.redis.RedisServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two server instances, each its own JVM started as {@code BlogServer} with {@code ISR_REDIS_URL}, share
 * one real Redis: a page one of them fetched is fresh on the other, and a new post on one invalidates
 * the pages of both. (Each instance has its own in-memory PostRepository; a real app shares its database.)
 */
@Timeout(90)
class SharedRedisTest {

    @RegisterExtension
    static final RedisServer REDIS = new RedisServer();

    private static final Pattern LISTENING = Pattern.compile("Blog on (http://\\S+):(\\d+)/posts");

    private final HttpClient client = HttpClient.newHttpClient();
    private final List<Process> servers = new ArrayList<>();

    @AfterEach
    void stop() throws InterruptedException {
        for (Process server : servers) {
            server.destroyForcibly();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void twoInstancesShareTheCacheAndItsInvalidations() throws Exception {
        String first = startInstance();
        String second = startInstance();

        assertEquals("MISS", cacheStatus(get(first + "/posts")));
        assertEquals("FRESH", cacheStatus(get(second + "/posts")), "fetched once for both instances");
        assertEquals("FRESH", cacheStatus(get(first + "/posts")));

        HttpResponse<String> created = client.send(HttpRequest.newBuilder(URI.create(first + "/posts"))
                .header("content-type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("slug=shared&title=Shared")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(201, created.statusCode());
        assertEquals("MISS", cacheStatus(get(second + "/posts")), "the other instance saw the invalidation");
        assertEquals("FRESH", cacheStatus(get(first + "/posts")));
    }

    /** Starts {@code BlogServer} on a free port in a new JVM; returns its base URL once it listens. */
    private String startInstance() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), BlogServer.class.getName(), "0")
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put("ISR_REDIS_URL", REDIS.uri());
        Process server = builder.start();
        servers.add(server);
        String line = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8)).readLine();
        Matcher listening = LISTENING.matcher(line == null ? "" : line);
        assertTrue(listening.matches(), "the server said: " + line);
        return listening.group(1) + ":" + listening.group(2);
    }

    private HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String cacheStatus(HttpResponse<?> response) {
        assertEquals(200, response.statusCode(), response.uri().toString());
        return response.headers().firstValue("x-isr-cache").orElse("none");
    }
}
