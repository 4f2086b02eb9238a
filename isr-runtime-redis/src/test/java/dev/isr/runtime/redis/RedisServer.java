package dev.isr.runtime.redis;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real {@code redis-server} (Debian's package; {@code .ci/run} installs it) on 127.0.0.1 and a free
 * port, without persistence, started before a test class and always stopped after it. Tests stop and
 * restart it to take Redis away mid-test; a restart keeps the port, so clients reconnect by themselves.
 *
 * <pre>{@code @RegisterExtension static final RedisServer redis = new RedisServer();}</pre>
 *
 * <p>Shipped in this module's test-jar, so apps' tests (examples/jvm-pages) start Redis the same way.
 */
public final class RedisServer implements BeforeAllCallback, AfterAllCallback {

    private static final Duration START_LIMIT = Duration.ofSeconds(10);

    private int port;
    private Path directory;
    private Process process;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        directory = Files.createTempDirectory("isr-redis-test");
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = free.getLocalPort();
        }
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        stop();
        try (var files = Files.list(directory)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
        }
        Files.deleteIfExists(directory);
    }

    public String uri() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Starts the server (again) on the same port, and returns once it answers PING. */
    public void start() throws IOException, InterruptedException {
        List<String> command = List.of("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString(), "--loglevel", "warning");
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(directory.resolve("redis.log").toFile()).start();
        } catch (IOException notInstalled) {
            throw new IOException("cannot start redis-server (apt-get install redis-server): " + notInstalled, notInstalled);
        }
        long deadline = System.nanoTime() + START_LIMIT.toNanos();
        while (!answersPing()) {
            if (!process.isAlive() || System.nanoTime() - deadline > 0) {
                throw new IOException("redis-server did not start on port " + port + ": "
                        + Files.readString(directory.resolve("redis.log")));
            }
            TimeUnit.MILLISECONDS.sleep(10);
        }
    }

    /** Kills the server (SIGKILL, like a crash) and waits until it is gone. */
    public void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroyForcibly();
            process.waitFor(START_LIMIT.toSeconds(), TimeUnit.SECONDS);
        }
    }

    private boolean answersPing() {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
            return "+PONG".equals(in.readLine());
        } catch (IOException notYet) {
            return false;
        }
    }
}
