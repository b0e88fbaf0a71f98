package org.weatherbatch.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The job's options as the build described them (Spring Boot's configuration metadata, from
 * the javadoc of {@link WeatherProperties} and the defaults in
 * additional-spring-configuration-metadata.json): for the help command and for naming the
 * option nearest to one mistyped.
 */
public final class OptionCatalog {

    private static final String METADATA = "META-INF/spring-configuration-metadata.json";

    private OptionCatalog() {
    }

    /**
     * @param name the option's canonical name, e.g. {@code weather.api.read-timeout}
     * @param defaultValue its default, or null when it has none or it depends on others
     */
    public record Option(String name, String description, String defaultValue) {
    }

    /** The weather.* options, in the order of their names. */
    public static List<Option> options() {
        try (InputStream in = new ClassPathResource(METADATA).getInputStream()) {
            JsonNode properties = JsonMapper.shared().readTree(in).path("properties");
            return properties.valueStream().filter(property -> property.path("name").asString().startsWith("weather."))
                    .map(property -> new Option(property.path("name").asString(),
                            property.path("description").asString(""),
                            property.hasNonNull("defaultValue") ? property.path("defaultValue").asString() : null))
                    .sorted(Comparator.comparing(Option::name)).toList();
        }
        catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + METADATA + " (is the jar whole?)", e);
        }
    }

    /** The known option whose name is nearest to this one, if any is near enough to be a typo of it. */
    public static Optional<String> nearest(String name) {
        return options().stream().map(Option::name)
                .min(Comparator.comparingInt(known -> distance(known, name)))
                .filter(known -> distance(known, name) <= Math.max(2, name.length() / 3));
    }

    /** Levenshtein's edit distance; no library on the classpath has one. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
