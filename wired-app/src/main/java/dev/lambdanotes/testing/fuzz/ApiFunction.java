package dev.lambdanotes.testing.fuzz;

import java.util.List;

/** A Lambda function of the API and the routes template.yaml gives it. */
public enum ApiFunction {
    REGISTER("POST /register"),
    LOGIN("POST /login", "POST /logout"),
    NOTES("GET /notes", "POST /notes", "GET /notes/{id}", "PUT /notes/{id}", "DELETE /notes/{id}");

    final List<String> routes;

    ApiFunction(String... routes) {
        this.routes = List.of(routes);
    }
}
