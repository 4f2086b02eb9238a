package dev.isr.runtime;

import java.util.concurrent.atomic.AtomicInteger;

/** Returns "prefix-1", "prefix-2", … one per call, and counts the calls. */
final class CountingFetcher implements Fetcher<String> {

    private final String prefix;
    private final AtomicInteger calls = new AtomicInteger();

    CountingFetcher(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public String fetch() {
        return prefix + "-" + calls.incrementAndGet();
    }

    int calls() {
        return calls.get();
    }
}
