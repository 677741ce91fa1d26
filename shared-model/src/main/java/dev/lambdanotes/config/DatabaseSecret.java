package dev.lambdanotes.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdanotes.json.JsonTrees;

/** The database login held in a Secrets Manager secret: a JSON object with username and password. */
record DatabaseSecret(String username, String password) {

    static DatabaseSecret parse(String secretString) {
        JsonNode json;
        try {
            json = JsonTrees.read(secretString == null ? "" : secretString);
        } catch (JacksonException e) {
            throw new IllegalStateException("the database secret is not a JSON object");
        }
        if (!json.path("username").isTextual() || !json.path("password").isTextual()) {
            throw new IllegalStateException("the database secret must hold the strings username and password");
        }
        return new DatabaseSecret(json.get("username").asText(), json.get("password").asText());
    }

    @Override
    public String toString() {
        return "DatabaseSecret[username=" + username + ", password=<hidden>]";
    }
}
