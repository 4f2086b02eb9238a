package blog;

import dev.isr.runtime.Isr;
import java.util.*;

// The most recent posts, newest first.
// Pragma: revalidate 1h tags: posts
@SuppressWarnings("unused")
public final class RecentPostsPage {
	// tab-indented, with a blank line in load
	static List<String> load() throws Exception {
		List<String> titles = new ArrayList<>();
		titles.add("first");

		titles.add("second");
		return titles;
	}
}
