package dev.lambdanotes.http;

import dev.lambdanotes.domain.FieldError;
import dev.lambdanotes.domain.InvalidInput;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** Typed access to the members of a JSON request body; wrong types are collected and reported together. */
public final class RequestFields {
    private final ObjectNode node;
    private final List<FieldError> typeErrors = new ArrayList<>();

    RequestFields(ObjectNode node) {
        this.node = node;
    }

    /** The member's string value; null when it is absent or null (the domain rule reports that). */
    public String string(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            typeErrors.add(FieldError.of(name, "must be a string"));
            return null;
        }
        return value.textValue();
    }

    /** Throws when any member had the wrong type, so domain rules only ever see the right types. */
    public RequestFields requireValidTypes() {
        if (!typeErrors.isEmpty()) {
            throw new InvalidInput(typeErrors);
        }
        return this;
    }
}
