package dev.isr.runtime.redis;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which classes a codec may rebuild from bytes, decided by name before a class is loaded: the app's
 * packages and a fixed list of JDK value and collection types. Everything else is refused, which
 * keeps deserialisation gadgets out whatever an attacker writes into Redis.
 */
final class AllowedTypes {

    private static final Pattern PACKAGE = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*"
            + "(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

    private static final Set<String> JDK_TYPES = Set.of(
            "java.lang.Object", "java.lang.String", "java.lang.Boolean", "java.lang.Character", "java.lang.Byte",
            "java.lang.Short", "java.lang.Integer", "java.lang.Long", "java.lang.Float", "java.lang.Double",
            // superclasses that Java serialisation names in the stream
            "java.lang.Number", "java.lang.Enum",
            "java.math.BigDecimal", "java.math.BigInteger",
            "java.util.ArrayList", "java.util.LinkedList", "java.util.HashMap", "java.util.LinkedHashMap",
            "java.util.TreeMap", "java.util.HashSet", "java.util.LinkedHashSet", "java.util.TreeSet",
            "java.util.Optional", "java.util.OptionalInt", "java.util.OptionalLong", "java.util.OptionalDouble",
            "java.util.UUID", "java.util.Arrays$ArrayList",
            // the serialised form of List.of, Set.of and Map.of
            "java.util.CollSer");

    private static final List<String> JDK_PREFIXES = List.of(
            "java.time.", "java.util.ImmutableCollections$", "java.util.Collections$Unmodifiable",
            "java.util.Collections$Empty", "java.util.Collections$Singleton");

    private final List<String> packagePrefixes;

    private AllowedTypes(List<String> packagePrefixes) {
        this.packagePrefixes = packagePrefixes;
    }

    static AllowedTypes of(String... packages) {
        for (String name : packages) {
            if (name == null || !PACKAGE.matcher(name).matches()) {
                throw new IllegalArgumentException("not a package name: '" + name + "' (e.g. \"com.example.blog\")");
            }
        }
        return new AllowedTypes(java.util.Arrays.stream(packages).map(name -> name + ".").toList());
    }

    boolean allows(String className) {
        String name = className;
        while (name.startsWith("[")) {
            name = name.substring(1);
        }
        if (name.length() == 1) {
            return true;   // an array of a primitive type, e.g. "[I"
        }
        if (name.startsWith("L") && name.endsWith(";")) {
            name = name.substring(1, name.length() - 1);
        }
        if (JDK_TYPES.contains(name)) {
            return true;
        }
        for (String prefix : JDK_PREFIXES) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        for (String prefix : packagePrefixes) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** For error messages: what is allowed. */
    @Override
    public String toString() {
        return "the packages " + packagePrefixes.stream().map(p -> p.substring(0, p.length() - 1)).toList()
                + " and JDK value and collection types";
    }
}
