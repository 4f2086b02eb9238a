package shop;

import java.util.List;

// Pragma: revalidate 60 tags: products
public class ProductsPage {

    private final Catalog catalog;

    public ProductsPage(Catalog catalog) {
        this.catalog = catalog;
    }

    public List<String> load() {
        return catalog.products();
    }
}
