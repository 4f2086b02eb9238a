package blog;

import java.util.List;
import java.util.stream.Collectors;

/** The HTML of each page, from the data its {@code load} returned. Every value is escaped. */
final class Views {

    private Views() {
    }

    static String posts(List<Post> posts) {
        String items = posts.stream()
                .map(post -> "<li><a href=\"/posts/" + escape(post.slug()) + "\">" + escape(post.title()) + "</a></li>")
                .collect(Collectors.joining("\n"));
        return layout("Posts", "<h1>Posts</h1>\n<ul>\n" + items + "\n</ul>");
    }

    static String post(Post post) {
        return layout(post.title(), "<h1>" + escape(post.title()) + "</h1>\n<p>" + escape(post.body()) + "</p>");
    }

    static String about(String text) {
        return layout("About", "<h1>About</h1>\n<p>" + escape(text) + "</p>");
    }

    static String message(String title) {
        return layout(title, "<h1>" + escape(title) + "</h1>");
    }

    private static String layout(String title, String body) {
        return "<!doctype html>\n<html><head><meta charset=\"utf-8\"><title>" + escape(title) + "</title></head>\n<body>\n"
                + body + "\n</body></html>\n";
    }

    private static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
