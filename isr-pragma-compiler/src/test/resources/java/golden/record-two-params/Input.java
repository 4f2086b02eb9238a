package shop;

import java.util.List; // items of one page

/* Pragma: revalidate 2d route: /shop/{category}/{page} */
public record CategoryPage(Catalog catalog) {
    public List<Item> load(final String category, int page) {
        return catalog.items(category, page);
    } // end of load

    int pageSize() {
        return 20;
    }
}
