package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs the shared semantic cases of SPEC §3 ({@code semantics/cases.json}, also run by the JavaScript
 * runtimes) against {@link IsrCache} with a test clock and a manual executor. The op format is in
 * the file's "about" field. isr-runtime-redis runs the same cases against a cache with a Redis store
 * (this class ships in the test-jar for that).
 */
public class SemanticCasesTest {

    private static final String CASES = "/semantics/cases.json";

    @TestFactory
    Stream<DynamicTest> sharedCases() throws IOException {
        return sharedCases(name -> true, builder -> builder);
    }

    /**
     * The cases whose name {@code runs} accepts, each on a cache with a test clock and a manual
     * executor that {@code configure} completes (e.g. with a store).
     */
    public static Stream<DynamicTest> sharedCases(Predicate<String> runs, UnaryOperator<IsrCache.Builder> configure)
            throws IOException {
        List<Object> cases = list(map(readCases()).get("cases"));
        assertFalse(cases.isEmpty(), "no cases in " + CASES);
        return cases.stream().map(SemanticCasesTest::map).filter(c -> runs.test((String) c.get("name")))
                .map(c -> DynamicTest.dynamicTest((String) c.get("name"),
                        () -> new CaseRun(configure).run(list(c.get("steps")))));
    }

    private static Object readCases() throws IOException {
        try (InputStream in = SemanticCasesTest.class.getResourceAsStream(CASES)) {
            if (in == null) {
                throw new IllegalStateException(CASES + " is not on the test classpath");
            }
            return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** One case: a fresh cache, clock and executor, and the steps applied in order. */
    private static final class CaseRun {
        private final MutableClock clock = new MutableClock();
        private final ManualExecutor executor = new ManualExecutor();
        private final IsrCache cache;
        private final AtomicInteger fetches = new AtomicInteger();

        CaseRun(UnaryOperator<IsrCache.Builder> configure) {
            cache = configure.apply(IsrCache.builder().clock(clock).executor(executor)).build();
        }

        void run(List<Object> steps) {
            for (int i = 0; i < steps.size(); i++) {
                Map<String, Object> step = map(steps.get(i));
                try {
                    apply(step);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError("step " + (i + 1) + " " + step + ": " + e.getMessage(), e);
                }
            }
        }

        private void apply(Map<String, Object> step) {
            String op = (String) step.get("op");
            switch (op) {
                case "read" -> read(step);
                case "advance" -> clock.advance(Duration.ofMillis(
                        number(step, "seconds").multiply(BigDecimal.valueOf(1000)).longValueExact()));
                case "settle" -> executor.settle();
                case "invalidate" -> cache.invalidate((String) step.get("key"));
                case "invalidateAll" -> cache.invalidateAll();
                case "invalidateTag" -> cache.invalidateTag((String) step.get("tag"));
                case "fetches" -> assertEquals(number(step, "count").intValueExact(), fetches.get(), "fetcher calls");
                case "stats" -> assertStats(step);
                default -> fail("unknown op '" + op + "'");
            }
        }

        private void read(Map<String, Object> step) {
            String key = (String) step.get("key");
            long ttl = number(step, "ttl").longValueExact();
            Set<String> tags = new LinkedHashSet<>();
            if (step.containsKey("tags")) {
                list(step.get("tags")).forEach(tag -> tags.add((String) tag));
            }
            Map<String, Object> fetch = map(step.get("fetch"));
            Fetcher<Object> fetcher = () -> {
                fetches.incrementAndGet();
                if (fetch.containsKey("error")) {
                    throw new Exception((String) fetch.get("error"));
                }
                return fetch.get("value");
            };
            Map<String, Object> expect = step.containsKey("expect") ? map(step.get("expect")) : Map.of();
            if (expect.containsKey("error")) {
                IsrFetchException thrown = assertThrows(IsrFetchException.class, () -> cache.read(key, ttl, tags, fetcher));
                assertEquals(expect.get("error"), thrown.getCause().getMessage(), "error");
                return;
            }
            IsrResult<Object> result = cache.read(key, ttl, tags, fetcher);
            if (expect.containsKey("status")) {
                assertEquals(expect.get("status"), result.status().name(), "status");
            }
            if (expect.containsKey("value")) {
                assertEquals(expect.get("value"), result.value(), "value");
            }
            if (expect.containsKey("ageSeconds")) {
                assertEquals(number(expect, "ageSeconds").longValueExact(), result.age().toSeconds(), "ageSeconds");
            }
        }

        private void assertStats(Map<String, Object> step) {
            IsrStats stats = cache.stats();
            Map<String, Long> actual = Map.of("freshHits", stats.freshHits(), "staleHits", stats.staleHits(),
                    "misses", stats.misses(), "refreshes", stats.refreshes(),
                    "refreshFailures", stats.refreshFailures(), "evictions", stats.evictions());
            for (String counter : step.keySet()) {
                if (!counter.equals("op")) {
                    if (!actual.containsKey(counter)) {
                        fail("unknown counter '" + counter + "'");
                    }
                    assertEquals(number(step, counter).longValueExact(), actual.get(counter), counter);
                }
            }
        }
    }

    private static BigDecimal number(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (!(value instanceof BigDecimal)) {
            throw new IllegalArgumentException("'" + name + "' must be a number, was " + value);
        }
        return (BigDecimal) value;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object value) {
        return (List<Object>) value;
    }
}
