package shop;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The pages' data source; it counts its queries, so the test can see what the cache saved. */
public final class Catalog {

    private final AtomicInteger queries = new AtomicInteger();

    public List<String> products() {
        queries.incrementAndGet();
        return List.of("kettle", "teapot");
    }

    public String product(int id) {
        queries.incrementAndGet();
        return "product #" + id;
    }

    public int queries() {
        return queries.get();
    }
}
