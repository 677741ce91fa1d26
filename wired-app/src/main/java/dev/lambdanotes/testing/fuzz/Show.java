package dev.lambdanotes.testing.fuzz;

/**
 * Prints generated values as Java literals that can be pasted into a test: every character
 * outside printable ASCII escaped, and long values cut to their head and tail with the length.
 */
final class Show {
    private static final int HEAD = 120;
    private static final int TAIL = 40;

    private Show() {
    }

    static String text(String s) {
        if (s == null) {
            return "null";
        }
        if (s.length() <= HEAD + TAIL) {
            return "\"" + escape(s) + "\"";
        }
        return "\"" + escape(s.substring(0, HEAD)) + "\" + … + \"" + escape(s.substring(s.length() - TAIL))
                + "\" (" + s.length() + " chars)";
    }

    static String bytes(byte[] b) {
        StringBuilder out = new StringBuilder("bytes \"");
        int shown = b.length <= HEAD + TAIL ? b.length : HEAD;
        for (int i = 0; i < shown; i++) {
            appendByte(out, b[i]);
        }
        if (shown < b.length) {
            out.append("\" + … + \"");
            for (int i = b.length - TAIL; i < b.length; i++) {
                appendByte(out, b[i]);
            }
            out.append("\" (").append(b.length).append(" bytes)");
        } else {
            out.append('"');
        }
        return out.toString();
    }

    private static void appendByte(StringBuilder out, byte value) {
        int b = value & 0xFF;
        if (b >= 0x20 && b < 0x7F && b != '"' && b != '\\') {
            out.append((char) b);
        } else {
            out.append(String.format("\\x%02X", b));
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c >= 0x20 && c < 0x7F) {
                        out.append(c);
                    } else {
                        out.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return out.toString();
    }
}
