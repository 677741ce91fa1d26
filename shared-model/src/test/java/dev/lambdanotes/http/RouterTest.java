package dev.lambdanotes.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class RouterTest {
    private final Router router = new Router()
            .route("GET", "/notes", request -> HttpResponse.json(200, "\"list\""))
            .route("POST", "/notes", request -> HttpResponse.json(201, "\"create\""))
            .route("GET", "/notes/{id}", request -> HttpResponse.json(200, "\"" + request.pathParameter("id") + "\""));

    private static HttpRequest request(String method, String routeKey, String path) {
        return new HttpRequest(method, routeKey, path, Map.of(), Map.of(), Map.of(), null, "id", "192.0.2.1");
    }

    @Test
    void theRouteKeys_nameEveryRoute_asApiGatewayDoes() {
        assertThat(router.routeKeys()).containsExactly("GET /notes", "POST /notes", "GET /notes/{id}");
    }

    @Test
    void theRouteKeyApiGatewayMatched_choosesTheEndpoint() {
        assertThat(router.dispatch(request("POST", "POST /notes", "/whatever")).body()).isEqualTo("\"create\"");
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource({"GET, /notes, \"list\"", "GET, /notes/42, \"42\"", "GET, /notes/42/, \"42\"", "POST, /notes, \"create\""})
    void aCatchAllRoute_matchesThePathAgainstTheTemplates(String method, String path, String body) {
        assertThat(router.dispatch(request(method, "$default", path)).body()).isEqualTo(body);
    }

    @Test
    void aKnownPathWithAnotherMethod_isMethodNotAllowed_namingTheAllowedOnes() {
        assertThatThrownBy(() -> router.dispatch(request("DELETE", "$default", "/notes")))
                .isInstanceOfSatisfying(MethodNotAllowed.class,
                        e -> assertThat(e.allowed()).containsExactlyInAnyOrder("GET", "POST"));
    }

    @ParameterizedTest
    @CsvSource({"GET, /users", "GET, /notes/1/2", "GET, /"})
    void anUnknownPath_isNotFound(String method, String path) {
        assertThatThrownBy(() -> router.dispatch(request(method, "$default", path))).isInstanceOf(RouteNotFound.class);
    }

    @Test
    void aPathOfTensOfThousandsOfSlashes_isMatchedInLinearTime() {
        String path = "/notes" + "/".repeat(200_000) + "x";
        long start = System.nanoTime();

        assertThat(router.dispatch(request("GET", "$default", path)).body()).isEqualTo("\"x\"");

        // The regular expression this replaced took seconds here; a linear scan takes milliseconds.
        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
