package dev.lambdanotes.domain;

/** Rules every stored string obeys, so that what is saved is exactly what comes back. */
public final class Text {
    private Text() {
    }

    /** Length in Unicode code points, which is what PostgreSQL's char_length counts. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /**
     * Whether the text is empty or holds only white space: the characters of Unicode's White_Space
     * property (spaces of every width, the no-break ones too, tabs, line and paragraph ends) and the
     * separators U+001C to U+001F, which String.isBlank counted too (it misses the no-break spaces
     * and U+0085).
     */
    public static boolean isBlank(String s) {
        return s.codePoints().allMatch(c -> Character.isSpaceChar(c) || Character.isWhitespace(c) || c == 0x85);
    }

    /**
     * Whether the string has a UTF-8 form: no lone UTF-16 surrogate. Java would otherwise encode
     * each lone surrogate as '?', so different strings would become the same bytes.
     */
    public static boolean isValidUnicode(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Why a string cannot be stored as it is, or null if it can: PostgreSQL text cannot hold
     * U+0000, and a lone UTF-16 surrogate has no UTF-8 form, so either would be lost or corrupted.
     */
    public static String unstorableReason(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\u0000') {
                return "must not contain the NUL character (U+0000)";
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i++;
                    continue;
                }
                return "must be valid Unicode (it contains an unpaired surrogate)";
            }
            if (Character.isLowSurrogate(c)) {
                return "must be valid Unicode (it contains an unpaired surrogate)";
            }
        }
        return null;
    }
}
