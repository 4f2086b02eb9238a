package shop;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.isr.runtime.Isr;
import dev.isr.runtime.IsrStatus;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The generated pages, compiled by this project's build, cache through the runtime's shared cache. */
class PagesTest {

    private final Catalog catalog = new Catalog();

    @BeforeEach
    void emptyTheCache() {
        Isr.invalidateAll();
    }

    @Test
    void twoLoadsCallTheDataSourceOnce() {
        ProductsPage page = new ProductsPage(catalog);
        assertEquals(List.of("kettle", "teapot"), page.load());
        assertEquals(List.of("kettle", "teapot"), page.load());
        assertEquals(1, catalog.queries());
        assertEquals(IsrStatus.FRESH, page.loadWithStatus().status());
    }

    @Test
    void eachRouteParameterHasItsOwnKey() {
        ProductPage page = new ProductPage(catalog);
        assertEquals(IsrStatus.MISS, page.loadWithStatus(1).status());
        assertEquals("product #2", page.load(2));
        assertEquals("product #1", page.load(1));
        assertEquals(2, catalog.queries());
        assertEquals("page:/shop/products/7", ProductPage.cacheKey(7));
    }

    @Test
    void invalidatingTheTagReloads() {
        ProductsPage page = new ProductsPage(catalog);
        page.load();
        Isr.invalidateTag("products");
        assertEquals(IsrStatus.MISS, page.loadWithStatus().status());
        assertEquals(2, catalog.queries());
    }

    @Test
    void aPageWithoutPragmaIsCompiledAsItIs() {
        assertEquals("Ask us anything.", new HelpPage().text());
    }
}
