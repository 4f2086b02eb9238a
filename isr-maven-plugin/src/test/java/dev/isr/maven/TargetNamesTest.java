package dev.isr.maven;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TargetNamesTest {

    @Test
    void oneElementPerTarget() {
        assertEquals(List.of("node", "jvm"), TargetNames.parse(List.of("node", "jvm")));
    }

    @Test
    void commaListFromTheProperty() {
        assertEquals(List.of("node", "browser", "jvm"), TargetNames.parse(List.of(" node, browser ,jvm ")));
    }

    @Test
    void commasInsideElementsAreSplitToo() {
        assertEquals(List.of("node", "vercel", "jvm"), TargetNames.parse(List.of("node,vercel", "jvm")));
    }

    @Test
    void blanksAndRepeatsAreDroppedKeepingFirstSeenOrder() {
        assertEquals(List.of("jvm", "node"), TargetNames.parse(Arrays.asList("jvm", "", null, " , node,", "jvm")));
    }

    @Test
    void nothingConfiguredIsNoTarget() {
        assertEquals(List.of(), TargetNames.parse(null));
        assertEquals(List.of(), TargetNames.parse(List.of(" , ")));
    }

    @Test
    void parsingKeepsNamesAsWritten() {
        assertEquals(List.of("Node", "nodejs"), TargetNames.parse(List.of("Node,nodejs")));
    }

    private static final List<String> VALID = List.of("node", "browser", "jvm");

    @Test
    void knownNamesHaveNoProblem() {
        assertEquals(Optional.empty(), TargetNames.problem(List.of("jvm", "node"), VALID));
    }

    @Test
    void anUnknownNameIsNamedWithTheValidOnes() {
        assertEquals(Optional.of("has an unknown target 'nodejs'; valid targets: node, browser, jvm"),
                TargetNames.problem(List.of("node", "nodejs"), VALID));
    }

    @Test
    void everyUnknownNameIsNamed() {
        assertEquals(Optional.of("has unknown targets 'Node', 'deno'; valid targets: node, browser, jvm"),
                TargetNames.problem(List.of("Node", "deno"), VALID));
    }

    @Test
    void noNameIsAProblemToo() {
        assertEquals(Optional.of("names no target; valid targets: node, browser, jvm"),
                TargetNames.problem(List.of(), VALID));
    }
}
