package dev.isr.compiler.ruby;

import java.util.Set;

/**
 * Keeps per-visitor request state out of cached data blocks (SPEC §4 "Request state"): what a cached page
 * reads is stored once and served to every visitor, so reading cookies, the session, the request or a param
 * that is not part of the cache key would leak one visitor's data to the next.
 */
final class RequestStateGuard {

    /** Receiverless methods that, in Rails and Juntos pages, return state of the current request. */
    static final Set<String> PER_VISITOR_METHODS = Set.of("cookies", "session", "request", "headers", "current_user");

    /** Properties of Astro's global that differ per request. */
    static final Set<String> PER_VISITOR_ASTRO_PROPERTIES = Set.of("request", "cookies", "locals", "url");

    private static final String FIX = "read it outside the cached data block (in the template, say) or drop the pragma";

    private final TranslationContext context;

    RequestStateGuard(TranslationContext context) {
        this.context = context;
    }

    void receiverlessCall(String name, SourceText.Position at) {
        if (context.cached() && PER_VISITOR_METHODS.contains(name)) {
            context.error(at, leak("`" + name + "`") + FIX);
        }
    }

    void astroProperty(String name, SourceText.Position at) {
        if (context.cached() && PER_VISITOR_ASTRO_PROPERTIES.contains(name)) {
            context.error(at, leak("`Astro." + name + "`") + FIX);
        }
    }

    /** {@code params[:name]}, {@code params["name"]} or {@code params.name}. */
    void param(String name, String asWritten, SourceText.Position at) {
        context.readRouteParams();
        if (context.cached() && !context.isRouteParam(name)) {
            context.error(at, leak("`" + asWritten + "`") + "it is not a param of this page's route, so it is not part of"
                    + " the cache key (" + context.routeParamsForMessages() + "); make it a route param ([" + name
                    + "] in the page's file name) or drop the pragma");
        }
    }

    /** {@code @@name}, which can only mean a route param. */
    void routeParam(String name, SourceText.Position at) {
        context.readRouteParams();
        if (!context.isRouteParam(name)) {
            String leak = context.cached() ? leak("`@@" + name + "`") : "";
            context.error(at, leak + "`@@" + name + "` names the route param `" + name + "`, which this page's route does"
                    + " not have (" + context.routeParamsForMessages() + "); add [" + name + "] to the page's file name"
                    + " or use one of the route's params");
        }
    }

    private static String leak(String what) {
        return what + " differs per visitor: this page is cached (it has a `# Pragma: revalidate` line) and would"
                + " serve one visitor's data to everyone; ";
    }
}
