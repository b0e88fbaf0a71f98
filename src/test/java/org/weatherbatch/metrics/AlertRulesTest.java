package org.weatherbatch.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.weatherbatch.ExternalTool;

/** The README's Prometheus alert rules are valid, and fire when they should (promtool's rule unit tests). */
class AlertRulesTest {

    @TempDir
    Path work;

    @Test
    void theReadmesAlertRulesAreValidAndFireWhenTheyShould() throws Exception {
        Path promtool = ExternalTool.require("prometheus", "promtool");
        Path rules = Files.writeString(work.resolve("rules.yml"), readmeRules());
        Path tests = work.resolve("alert-rules-test.yml");
        try (InputStream resource = getClass().getResourceAsStream("/alert-rules-test.yml")) {
            Files.copy(resource, tests);
        }

        assertThat(promtool(promtool, "check", "rules", rules.toString())).contains("SUCCESS: 2 rules found");
        assertThat(promtool(promtool, "test", "rules", tests.toString())).contains("SUCCESS");
    }

    /** The README's yaml block that starts with "groups:", out of its list item's indentation. */
    private static String readmeRules() throws IOException {
        List<String> readme = Files.readAllLines(Path.of("README.md"));
        int start = readme.indexOf("  groups:");
        assertThat(start).as("the README's alert rules").isPositive();
        return readme.subList(start, readme.size()).stream()
                .takeWhile(line -> !line.strip().equals("```"))
                .map(line -> line.substring(Math.min(2, line.length())))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String promtool(Path promtool, String... arguments) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of(promtool.toString()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
