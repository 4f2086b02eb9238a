package dev.isr.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The static facade delegates to one shared cache. Keys are unique to this test: the cache is process-wide. */
class IsrFacadeTest {

    private final CountingFetcher fetcher = new CountingFetcher("v");

    @Test
    void facadeSharesOneCache() {
        assertSame(Isr.cache(), Isr.cache());
        assertEquals("v-1", Isr.withRevalidate("facade:shared", 60, fetcher));
        assertEquals("v-1", Isr.withRevalidate("facade:shared", 60, fetcher));
        assertEquals("v-1", Isr.cache().withRevalidate("facade:shared", 60, fetcher));
        assertEquals(1, fetcher.calls());
    }

    @Test
    void facadeInvalidates() {
        Isr.withRevalidate("facade:key", 60, fetcher);
        Isr.invalidate("facade:key");
        assertEquals("v-2", Isr.withRevalidate("facade:key", 60, fetcher));

        Isr.withRevalidate("facade:tagged", 60, Set.of("facade-tag"), fetcher);
        Isr.invalidateTag("facade-tag");
        assertEquals(IsrStatus.MISS, Isr.cache().read("facade:tagged", 60, fetcher).status());

        Isr.invalidateAll();
        assertEquals(IsrStatus.MISS, Isr.cache().read("facade:key", 60, fetcher).status());
    }

    @Test
    void facadeReadsWithStatus() {
        assertEquals(IsrStatus.MISS, Isr.read("facade:read", 60, Set.of(), fetcher).status());
        IsrResult<String> again = Isr.read("facade:read", 60, Set.of(), fetcher);
        assertEquals(IsrStatus.FRESH, again.status());
        assertEquals("v-1", again.value());
    }

    @Test
    void anInstalledCacheServesTheFacadeUntilTheNextInstall() {
        MutableClock clock = new MutableClock();
        IsrCache mine = IsrCache.builder().clock(clock).executor(Runnable::run).build();
        IsrCache previous = Isr.install(mine);
        try {
            assertSame(mine, Isr.cache());
            Isr.withRevalidate("facade:installed", 60, fetcher);
            clock.advanceSeconds(60);
            // the installed clock ages the value and the installed executor refreshed it in place
            assertEquals(IsrStatus.STALE, Isr.read("facade:installed", 60, Set.of(), fetcher).status());
            assertEquals(2, fetcher.calls());
        } finally {
            assertSame(mine, Isr.install(previous));
        }
        assertSame(previous, Isr.cache());
        assertEquals(IsrStatus.MISS, Isr.read("facade:installed", 60, Set.of(), fetcher).status());
    }
}
