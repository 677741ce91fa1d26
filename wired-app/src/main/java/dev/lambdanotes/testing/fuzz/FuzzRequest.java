package dev.lambdanotes.testing.fuzz;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lambdanotes.testing.ApiEvent;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** A generated request: a sample event from events/ with edits applied in order. */
public record FuzzRequest(String sample, List<Edit> edits) {
    private static final Map<String, ApiEvent> SAMPLES = new ConcurrentHashMap<>();

    public FuzzRequest {
        edits = edits.stream().filter(edit -> edit != Edit.none()).toList();
    }

    public static FuzzRequest of(String sample, Edit... edits) {
        return new FuzzRequest(sample, List.of(edits));
    }

    /** The event, with what it refers to looked up now. */
    public ApiEvent event(World world) {
        ApiEvent event = SAMPLES.computeIfAbsent(sample, ApiEvent::load).copy();
        edits.forEach(edit -> edit.apply((ObjectNode) event.json(), world));
        return event;
    }

    @Override
    public String toString() {
        return edits.isEmpty() ? sample
                : sample + " with " + edits.stream().map(Object::toString).collect(Collectors.joining("; "));
    }
}
