package dev.lambdanotes.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * An If-Match condition on a note's version (RFC 9110 section 13.1.1): absent, "*", or a list of
 * entity tags compared strongly, so a weak tag never matches.
 */
public final class VersionPrecondition {
    private static final VersionPrecondition NONE = new VersionPrecondition(true, List.of());

    private final boolean any;
    private final List<String> tags;

    private VersionPrecondition(boolean any, List<String> tags) {
        this.any = any;
        this.tags = tags;
    }

    public static VersionPrecondition none() {
        return NONE;
    }

    /** Reads an If-Match header value; null means the header was absent. */
    public static VersionPrecondition ifMatch(String header) {
        if (header == null) {
            return NONE;
        }
        if (header.trim().equals("*")) {
            return new VersionPrecondition(true, List.of());
        }
        List<String> tags = new ArrayList<>();
        for (String part : header.split(",")) {
            String tag = part.trim();
            if (!tag.isEmpty()) {
                tags.add(tag);
            }
        }
        return new VersionPrecondition(false, List.copyOf(tags));
    }

    public static String etagOf(long version) {
        return "\"" + version + "\"";
    }

    public boolean isSatisfiedBy(long currentVersion) {
        return any || tags.contains(etagOf(currentVersion));
    }
}
