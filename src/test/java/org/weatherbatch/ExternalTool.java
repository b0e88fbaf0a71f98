package org.weatherbatch;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * A program a test needs that Maven does not provide (the Pushgateway, promtool): found on
 * the PATH; missing, the test is skipped saying so, except in CI (env CI set), where
 * .ci/run installs it and its absence fails the test.
 */
public final class ExternalTool {

    private ExternalTool() {
    }

    /** @param names the program's names, e.g. Debian's and upstream's */
    public static Path require(String debianPackage, String... names) {
        Optional<Path> found = Arrays.stream(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .flatMap(folder -> Arrays.stream(names).map(name -> Path.of(folder, name)))
                .filter(Files::isExecutable)
                .findFirst();
        String missing = String.join(" or ", names) + " is not on the PATH (apt-get install -y " + debianPackage + ")";
        if (found.isEmpty() && inCi()) {
            fail(missing + ": .ci/run installs it");
        }
        assumeTrue(found.isPresent(), missing + ": this test is skipped here; it runs in CI");
        return found.get();
    }

    private static boolean inCi() {
        String ci = System.getenv("CI");
        return ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false");
    }
}
