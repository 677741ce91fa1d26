package dev.lambdanotes.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Which route of the template the local API Gateway sends a request to, as API Gateway chooses:
 * the path matched exactly, the most specific route winning, path parameters decoded. No function
 * runs: the routes are bound to no pool.
 */
class ApiGatewayRoutingTest {

    /** A gateway over routes such as "GET /notes/{id}" or "ANY $default", in this order. */
    private static ApiGateway gateway(String routes) throws IOException {
        List<ApiGateway.Binding> bindings = Arrays.stream(routes.split(";")).map(String::trim)
                .map(route -> route.split(" ", 2))
                .map(route -> new ApiGateway.Binding(new Template.Route(route[0], route[1]), null))
                .toList();
        return new ApiGateway(bindings, null, 0);
    }

    private static String routeKeyFor(String routes, String method, String path) throws IOException {
        ApiGateway gateway = gateway(routes);
        try {
            ApiGateway.Match match = gateway.match(method, path);
            return match == null ? "none" : match.binding().route().routeKey();
        } finally {
            gateway.stop();
        }
    }

    private static Map<String, String> parametersFor(String routes, String method, String path) throws IOException {
        ApiGateway gateway = gateway(routes);
        try {
            return gateway.match(method, path).pathParameters();
        } finally {
            gateway.stop();
        }
    }

    @ParameterizedTest(name = "[{0}] {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET /notes/{id}; GET /notes/new          | GET    | /notes/new  | GET /notes/new",
        "GET /notes/new; GET /notes/{id}          | GET    | /notes/42   | GET /notes/{id}",
        "GET /{a}/{b}; GET /{a}/b                 | GET    | /x/b        | GET /{a}/b",
        "ANY /notes/{id}; GET /notes/{id}         | GET    | /notes/42   | GET /notes/{id}",
        "ANY /notes/{id}; GET /notes/{id}         | DELETE | /notes/42   | ANY /notes/{id}",
        "ANY /echo/{proxy+}; POST /echo/exact     | POST   | /echo/exact | POST /echo/exact",
        "ANY /echo/{proxy+}; POST /echo/exact     | PUT    | /echo/exact | ANY /echo/{proxy+}",
        "GET /{proxy+}; GET /echo/{proxy+}        | GET    | /echo/a/b   | GET /echo/{proxy+}",
        "GET /{proxy+}; GET /{a}/{proxy+}         | GET    | /echo/a/b   | GET /{a}/{proxy+}",
        "GET /echo/{proxy+}; GET /{a}/{b}         | GET    | /echo/x     | GET /echo/{proxy+}",
        "GET /{a}/{proxy+}; GET /{a}/{b}          | GET    | /echo/x     | GET /{a}/{b}",
        "ANY $default; ANY /{proxy+}              | GET    | /x          | ANY /{proxy+}",
        "ANY /{proxy+}; ANY $default              | GET    | /x          | ANY /{proxy+}",
        "GET /notes; ANY $default                 | GET    | /users      | ANY $default",
        "GET /notes; ANY $default                 | POST   | /notes      | ANY $default",
        "GET /{a}; GET /{b}                       | GET    | /x          | GET /{a}",
    })
    void theMostSpecificRoute_wins_literalsThenAMethodOverAnyThenDefaultLast(
            String routes, String method, String path, String routeKey) throws IOException {
        assertThat(routeKeyFor(routes, method, path)).isEqualTo(routeKey);
    }

    @ParameterizedTest(name = "[{0}] {1} {2} -> {3}")
    @CsvSource(delimiter = '|', value = {
        "GET /notes                | GET  | /notes      | GET /notes",
        "GET /notes                | GET  | /notes/     | none",
        "GET /notes                | GET  | //notes     | none",
        "GET /notes                | GET  | /Notes      | none",
        "GET /notes                | POST | /notes      | none",
        "GET /notes/{id}           | GET  | /notes/     | none",
        "GET /notes/{id}           | GET  | /notes/42/  | none",
        "GET /notes/{id}           | GET  | /notes//42  | none",
        "GET /notes/{id}/history   | GET  | /notes//history | none",
        "ANY /echo/{proxy+}        | GET  | /echo       | none",
        "ANY /echo/{proxy+}        | GET  | /echo/      | none",
        "ANY /echo/{proxy+}        | GET  | /echo//     | ANY /echo/{proxy+}",
        "ANY /echo/{proxy+}        | GET  | /echo/a/    | ANY /echo/{proxy+}",
        "GET /notes; ANY $default  | GET  | /notes/     | ANY $default",
        "GET /; GET /notes         | GET  | /           | GET /",
        "GET /; GET /notes         | GET  | //          | none",
        "GET /                     | GET  | /notes      | none",
        "ANY /{proxy+}             | GET  | /           | none",
    })
    void aPath_matchesExactly_emptySegmentsKept(String routes, String method, String path, String routeKey)
            throws IOException {
        assertThat(routeKeyFor(routes, method, path)).isEqualTo(routeKey);
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "GET /notes/{id}                | /notes/42              | {id=42}",
        "GET /notes/{id}                | /notes/a%20b+c         | {id=a b+c}",
        "GET /notes/{id}                | /notes/caf%C3%A9       | {id=café}",
        "GET /users/{user}/notes/{note} | /users/ann/notes/7     | {user=ann, note=7}",
        "ANY /echo/{proxy+}             | /echo/a%2Fb/c%20d      | {proxy=a/b/c d}",
        "ANY /echo/{proxy+}             | /echo//x               | {proxy=/x}",
        "GET /notes; ANY $default       | /users/42              | {}",
    })
    void pathParameters_arePercentDecoded_inTheTemplatesOrder(String routes, String path, String parameters)
            throws IOException {
        assertThat(parametersFor(routes, "GET", path)).hasToString(parameters);
    }
}
