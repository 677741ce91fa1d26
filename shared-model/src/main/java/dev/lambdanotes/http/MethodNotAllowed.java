package dev.lambdanotes.http;

import java.util.Set;

/** The path exists but not with this method; carries the methods it does allow. */
public final class MethodNotAllowed extends RuntimeException {
    private final transient Set<String> allowed;

    public MethodNotAllowed(Set<String> allowed) {
        super("MethodNotAllowed", null, false, false);
        this.allowed = Set.copyOf(allowed);
    }

    public Set<String> allowed() {
        return allowed;
    }
}
