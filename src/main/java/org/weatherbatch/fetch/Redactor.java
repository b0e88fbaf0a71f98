package org.weatherbatch.fetch;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Removes the API key, in each form a server or an exception may echo it, from text that
 * might hold it. The key is removed where it stands as a value, not where it merely continues
 * a word: a key "k" leaves "Invalid API key" as it is.
 */
final class Redactor {

    static final String MASK = "***";

    private static final String LETTER_OR_DIGIT = "[\\p{L}\\p{Nd}]";

    /** Ends in a letter or digit, yet is no word: a percent or backslash escape, as in %3Dkey or \nkey. */
    private static final String ESCAPE = "(?:%\\p{XDigit}{2}|\\\\[bfnrt]|\\\\u\\p{XDigit}{4})";

    private static final Pattern WORD_EDGE = Pattern.compile(LETTER_OR_DIGIT);

    /** One pattern per form, the longest first: a form within a longer one is masked with it. */
    private final List<Pattern> forms;

    private Redactor(List<Pattern> forms) {
        this.forms = forms;
    }

    static Redactor none() {
        return new Redactor(List.of());
    }

    /**
     * The key as is, as sent in the query (form-encoded, '+' for spaces), percent-encoded with
     * %20 for spaces, and as a server that decodes the percent-encoding but not '+' echoes it.
     */
    static Redactor of(String key) {
        String sent = URLEncoder.encode(key, StandardCharsets.UTF_8);
        return new Redactor(Stream.of(key, sent, sent.replace("+", "%20"), key.replace(' ', '+'))
                .filter(form -> !form.isEmpty()).distinct()
                .sorted(Comparator.comparingInt(String::length).reversed())
                .map(Redactor::asValue).toList());
    }

    String redact(String text) {
        String redacted = text;
        for (Pattern form : forms) {
            redacted = form.matcher(redacted).replaceAll(MASK);
        }
        return redacted;
    }

    /**
     * The form where no letter or digit of a word runs on from its own first or last letter or
     * digit; an edge that is punctuation ("-k") is a boundary already. The literal comes first,
     * and the look behind it after, so that the search is the quick one for a literal.
     */
    private static Pattern asValue(String form) {
        String literal = Pattern.quote(form);
        String notWithinWordBefore = isWordEdge(form.codePointAt(0))
                ? "(?:(?<!" + LETTER_OR_DIGIT + literal + ")|(?<=" + ESCAPE + literal + "))" : "";
        String notWithinWordAfter = isWordEdge(form.codePointBefore(form.length()))
                ? "(?!" + LETTER_OR_DIGIT + ")" : "";
        return Pattern.compile(literal + notWithinWordBefore + notWithinWordAfter);
    }

    private static boolean isWordEdge(int codePoint) {
        return WORD_EDGE.matcher(Character.toString(codePoint)).matches();
    }
}
