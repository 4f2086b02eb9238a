package shop;

/**
 * One product.
 *
 * Pragma: revalidate 5m tags: products route: /shop/products/{id}
 */
public class ProductPage {

    private final Catalog catalog;

    public ProductPage(Catalog catalog) {
        this.catalog = catalog;
    }

    public String load(int id) {
        return catalog.product(id);
    }
}
