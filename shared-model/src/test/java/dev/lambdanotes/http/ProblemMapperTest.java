package dev.lambdanotes.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.domain.FieldError;
import dev.lambdanotes.domain.InvalidCredentials;
import dev.lambdanotes.domain.InvalidInput;
import dev.lambdanotes.domain.NotAuthenticated;
import dev.lambdanotes.domain.NoteNotFound;
import dev.lambdanotes.domain.StaleVersion;
import dev.lambdanotes.domain.TooManyAttempts;
import dev.lambdanotes.domain.UsernameTaken;
import dev.lambdanotes.domain.WrongPassword;
import dev.lambdanotes.domain.UserId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProblemMapperTest {
    private static final HttpRequest REQUEST = new HttpRequest("POST", "POST /notes", "/notes",
            Map.of("Authorization", "Bearer abc"), Map.of(), Map.of(), null, "request-1", "192.0.2.1");

    static Stream<Arguments> outcomes() {
        return Stream.of(
                Arguments.of(new InvalidInput(List.of(FieldError.of("title", "is required"))), 400, "/problems/validation-error"),
                Arguments.of(InvalidQueryParameters.of("limit", "must be a whole number"), 400, "/problems/validation-error"),
                Arguments.of(new MalformedRequest("The request body is not valid JSON."), 400, "/problems/malformed-request"),
                Arguments.of(new InvalidCredentials(true), 401, "/problems/invalid-credentials"),
                Arguments.of(new WrongPassword(UserId.random()), 401, "/problems/wrong-password"),
                Arguments.of(new NotAuthenticated(), 401, "about:blank"),
                Arguments.of(new NoteNotFound(), 404, "about:blank"),
                Arguments.of(new RouteNotFound(), 404, "about:blank"),
                Arguments.of(new MethodNotAllowed(Set.of("GET")), 405, "about:blank"),
                Arguments.of(new UsernameTaken(), 409, "/problems/username-taken"),
                Arguments.of(new StaleVersion(), 412, "/problems/precondition-failed"),
                Arguments.of(new PayloadTooLarge(), 413, "about:blank"),
                Arguments.of(new UnsupportedMediaType("JSON only"), 415, "about:blank"),
                Arguments.of(new TooManyAttempts(Duration.ofMillis(1500), "login-account"), 429, "/problems/too-many-attempts"),
                Arguments.of(new IllegalStateException("org.hibernate internal detail"), 500, "about:blank"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("outcomes")
    void eachOutcome_isOneProblemWithItsStatus_namingNoClass(RuntimeException error, int status, String type) {
        HttpResponse response = ProblemMapper.toResponse(error, REQUEST);

        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.headers()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.body()).contains("\"type\":\"" + type + "\"", "\"status\":" + status)
                .doesNotContain("Exception", "dev.lambdanotes", "org.hibernate", "java.");
    }

    @Test
    void fieldErrors_pointIntoTheBody_andQueryErrors_nameTheParameter() {
        assertThat(ProblemMapper.toResponse(InvalidInput.of(FieldError.of("title", "is required")), REQUEST).body())
                .contains("\"pointer\":\"#/title\"");
        assertThat(ProblemMapper.toResponse(InvalidQueryParameters.of("limit", "is wrong"), REQUEST).body())
                .contains("\"parameter\":\"limit\"").doesNotContain("pointer");
    }

    @Test
    void aRefusal_saysWhenToRetry_inWholeSecondsRoundedUp() {
        HttpResponse response = ProblemMapper.toResponse(new TooManyAttempts(Duration.ofMillis(1500), "login-source"), REQUEST);

        assertThat(response.headers()).containsEntry("Retry-After", "2");
        assertThat(response.body()).doesNotContain("login-source");
    }

    @Test
    void anUnauthenticatedRequestWithABearerToken_isToldTheTokenIsInvalid() {
        assertThat(ProblemMapper.toResponse(new NotAuthenticated(), REQUEST).headers().get("WWW-Authenticate"))
                .isEqualTo("Bearer realm=\"notes\", error=\"invalid_token\"");
    }
}
