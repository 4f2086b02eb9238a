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
}
