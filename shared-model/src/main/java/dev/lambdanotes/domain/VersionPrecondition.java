package dev.lambdanotes.domain;

import java.util.Set;

/**
 * A condition on a note's version that a change must meet: none, or one of a set of versions.
 * How a client states it (HTTP's If-Match and entity tags) is the HTTP layer's business.
 */
public final class VersionPrecondition {
    private static final VersionPrecondition NONE = new VersionPrecondition(true, Set.of());

    private final boolean any;
    private final Set<Long> versions;

    private VersionPrecondition(boolean any, Set<Long> versions) {
        this.any = any;
        this.versions = versions;
    }

    /** No condition: any current version will do. */
    public static VersionPrecondition none() {
        return NONE;
    }

    /** The current version must be one of these; an empty set is never met. */
    public static VersionPrecondition oneOf(Set<Long> versions) {
        return new VersionPrecondition(false, Set.copyOf(versions));
    }

    public boolean isSatisfiedBy(long currentVersion) {
        return any || versions.contains(currentVersion);
    }
}
