package dev.lambdanotes.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a person typed into the search box, split for PostgreSQL: the text that
 * {@code websearch_to_tsquery} reads (words, "quoted phrases", -excluded words, or), and the last
 * word, still being typed, which also matches as a prefix (unless it follows {@code or}). At most
 * 200 characters.
 *
 * @param words  the text for websearch_to_tsquery, possibly empty
 * @param prefix the last word when it is being typed (letters and digits only), or null
 */
public record SearchText(String words, String prefix) {
    public static final int MAX_LENGTH = 200;
    /** A last word of letters and digits that is not quoted, not excluded and not the operator 'or'. */
    private static final Pattern AFTER_OR = Pattern.compile("(^|\\s)or$", Pattern.CASE_INSENSITIVE);
    private static final Pattern LAST_WORD = Pattern.compile("(^|[\\s(])([\\p{L}\\p{N}]+)$");

    /** Reads the search box; throws {@link InvalidInput} on the field {@code q} when it cannot be searched for. */
    public static SearchText parse(String q) {
        if (Text.length(q) > MAX_LENGTH) {
            throw InvalidInput.of(FieldError.of("q", "must be at most " + MAX_LENGTH + " characters"));
        }
        String unstorable = Text.unstorableReason(q);
        if (unstorable != null) {
            throw InvalidInput.of(FieldError.of("q", unstorable));
        }
        String text = q.strip();
        if (quotes(text) % 2 == 1) {
            return new SearchText(text, null);
        }
        Matcher last = LAST_WORD.matcher(text);
        if (!last.find() || last.group(2).equalsIgnoreCase("or")) {
            return new SearchText(text, null);
        }
        String words = text.substring(0, last.start(2)).strip();
        if (AFTER_OR.matcher(words).find()) {
            // "a or b": b is an alternative, not one more required word; no prefix then.
            return new SearchText(text, null);
        }
        return new SearchText(words, last.group(2));
    }

    private static long quotes(String text) {
        return text.chars().filter(c -> c == '"').count();
    }
}
