package dev.isr.compiler.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonWriterTest {

    @Test
    void escapesWhatJsonAndJavaScriptNeedWhereverItSitsInAString() {
        // a plain stretch first, then every escape: the plain prefix is copied at once, the rest char by char
        assertEquals("\"posts/a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u2028h\\u2029i/\u00e9\"\n",
                JsonWriter.write("posts/a\"b\\c\nd\re\tf\u0001g\u2028h\u2029i/\u00e9"));
        assertEquals("\"\\\"\"\n", JsonWriter.write("\""));
        assertEquals("\"\"\n", JsonWriter.write(""));
    }

    @Test
    void scalarListsStayOnOneLineAndOthersBreak() {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("tags", List.of("a", 1));
        value.put("pages", List.of(Map.of("k", "v")));
        value.put("none", null);
        assertEquals("{\n  \"tags\": [\"a\", 1],\n  \"pages\": [\n    {\n      \"k\": \"v\"\n    }\n  ],\n  \"none\": null\n}\n",
                JsonWriter.write(value));
    }
}
