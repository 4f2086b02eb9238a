package dev.isr.compiler.targets;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Every target the compiler knows, by name. */
public final class TargetRegistry {

    private static final Map<String, Supplier<Target>> TARGETS = new LinkedHashMap<>();

    static {
        TARGETS.put("node", NodeTarget::new);
        TARGETS.put("browser", BrowserTarget::new);
        TARGETS.put("cloudflare", CloudflareTarget::new);
        TARGETS.put("vercel", VercelTarget::new);
        TARGETS.put("jvm", JvmTarget::new);
    }

    private TargetRegistry() {
    }

    /** The valid target names, in documentation order. */
    public static List<String> names() {
        return List.copyOf(TARGETS.keySet());
    }

    /**
     * The targets named, in the order given, each once.
     *
     * @throws IllegalArgumentException naming the unknown target and listing the valid ones
     */
    public static List<Target> resolve(List<String> names) {
        if (names.isEmpty()) {
            throw new IllegalArgumentException("targets is empty; name at least one of: " + String.join(", ", names()));
        }
        for (String name : names) {
            if (!TARGETS.containsKey(name)) {
                throw new IllegalArgumentException("unknown target '" + name + "'; valid targets: "
                        + String.join(", ", names()));
            }
        }
        return new LinkedHashSet<>(names).stream().map(name -> TARGETS.get(name).get()).toList();
    }
}
