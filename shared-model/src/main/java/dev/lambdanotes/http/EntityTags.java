package dev.lambdanotes.http;

import dev.lambdanotes.domain.VersionPrecondition;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A note's version as an HTTP entity tag ({@code "3"}), and If-Match read as a version
 * precondition (RFC 9110 section 13.1.1): absent or {@code *} is no condition; otherwise a list of
 * tags compared strongly, so a weak tag ({@code W/"3"}) or one we never issued matches nothing.
 */
public final class EntityTags {
    private static final Pattern OUR_TAG = Pattern.compile("\"(0|[1-9][0-9]{0,17})\"");

    private EntityTags() {
    }

    public static String of(long version) {
        return "\"" + version + "\"";
    }

    /** Reads an If-Match header value; null means the header was absent. */
    public static VersionPrecondition ifMatch(String header) {
        if (header == null || header.trim().equals("*")) {
            return VersionPrecondition.none();
        }
        Set<Long> versions = new HashSet<>();
        for (String part : header.split(",")) {
            Matcher tag = OUR_TAG.matcher(part.trim());
            if (tag.matches()) {
                versions.add(Long.parseLong(tag.group(1)));
            }
        }
        return VersionPrecondition.oneOf(versions);
    }
}
