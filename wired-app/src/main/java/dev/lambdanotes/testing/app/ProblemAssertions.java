package dev.lambdanotes.testing.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;

/** What every error response of the API must be: an RFC 9457 problem that reveals nothing of the server. */
public final class ProblemAssertions {
    private ProblemAssertions() {
    }

    public static void assertProblem(APIGatewayV2HTTPResponse response, int status) {
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        JsonNode problem = TestApp.json(response);
        assertThat(problem.get("status").asInt()).isEqualTo(status);
        assertThat(problem.get("type").asText()).isNotBlank();
        assertThat(problem.get("title").asText()).isNotBlank();
        assertThat(problem.get("detail").asText()).isNotBlank();
        assertThat(response.getBody()).doesNotContain("Exception", "at com.", "org.hibernate", "SQL");
    }

    public static void assertUnauthorized(APIGatewayV2HTTPResponse response) {
        assertProblem(response, 401);
        assertThat(response.getHeaders().get("WWW-Authenticate")).startsWith("Bearer");
    }
}
