package dev.isr.compiler.targets;

import dev.isr.compiler.page.Route;
import java.util.List;

/**
 * A page as a whole-site file sees it (a route table): its route and the files one target has for
 * it after the run, whether compiled now or kept from an earlier run.
 *
 * @param source the page, relative to the pages directory
 * @param route  its route
 * @param files  the target's files of the page, relative to the target's folder
 */
public record RoutedPage(String source, Route route, List<String> files) {

    public RoutedPage {
        files = List.copyOf(files);
    }
}
