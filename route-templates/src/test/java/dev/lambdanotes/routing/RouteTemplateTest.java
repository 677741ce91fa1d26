package dev.lambdanotes.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RouteTemplateTest {

    /** Every segment between slashes, empty ones too, as the local API Gateway splits a path. */
    private static List<String> segments(String path) {
        return List.of(path.substring(1).split("/", -1));
    }

    private static Map<String, String> parametersOf(String template, String path) {
        return RouteTemplate.parse(template).match(segments(path)).orElseThrow();
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "/notes                  | /notes                | {}",
        "/notes/{id}             | /notes/42             | {id=42}",
        "/users/{user}/notes/{n} | /users/ann/notes/7    | {user=ann, n=7}",
        "/{kind}/{id}            | /notes/42             | {kind=notes, id=42}",
        "/notes/{id}/history     | /notes/42/history     | {id=42}",
    })
    void aPathOfTheTemplatesShape_givesItsParametersInTheTemplatesOrder(String template, String path, String parameters) {
        assertThat(parametersOf(template, path)).hasToString(parameters);
    }

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource(delimiter = '|', value = {
        "/files/{proxy+}   | /files/a         | {proxy=a}",
        "/files/{proxy+}   | /files/a/b/c     | {proxy=a/b/c}",
        "/files/{proxy+}   | /files/a//b      | {proxy=a//b}",
        "/files/{proxy+}   | /files/a/        | {proxy=a/}",
        "/files/{proxy+}   | /files//         | {proxy=/}",
        "/{proxy+}         | /a/b             | {proxy=a/b}",
        "/{user}/{rest+}   | /ann/notes/7     | {user=ann, rest=notes/7}",
    })
    void aGreedyParameter_takesTheRestOfThePath_joinedBySlashes(String template, String path, String parameters) {
        assertThat(parametersOf(template, path)).hasToString(parameters);
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(delimiter = '|', value = {
        "/notes            | /notez",
        "/notes            | /Notes",
        "/notes            | /notes/",
        "/notes            | //notes",
        "/notes            | /notes/42",
        "/notes/{id}       | /notes",
        "/notes/{id}       | /notes/",
        "/notes/{id}       | /notes/42/",
        "/notes/{id}       | /notes/42/history",
        "/notes/{id}       | /users/42",
        "/{kind}/{id}      | //42",
        "/files/{proxy+}   | /files",
        "/files/{proxy+}   | /files/",
        "/files/{proxy+}   | /other/a",
        "/files/{proxy+}   | //files/a",
        "/{proxy+}         | /",
    })
    void aPathOfAnotherShape_orWithAnEmptySegmentWhereTheTemplateHasOne_matchesNothing(String template, String path) {
        assertThat(RouteTemplate.parse(template).match(segments(path))).isEmpty();
    }

    @Test
    void theRootTemplate_hasNoSegments_andMatchesOnlyAPathOfNone() {
        RouteTemplate root = RouteTemplate.parse("/");

        assertThat(root.match(List.of())).contains(Map.of());
        assertThat(root.match(List.of(""))).isEmpty();
        assertThat(root.match(List.of("notes"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} matches only {1}")
    @CsvSource({"/notes/{id, notes/{id", "/notes/id}, notes/id}", "/notes/x{id}, notes/x{id}", "/notes/{id}x, notes/{id}x"})
    void aSegmentThatIsNotWhollyInBraces_isLiteral(String template, String literal) {
        RouteTemplate parsed = RouteTemplate.parse(template);

        assertThat(parsed.match(List.of(literal.split("/")))).contains(Map.of());
        assertThat(parsed.match(List.of("notes", "42"))).isEmpty();
        assertThat(parsed.literalSegments()).isEqualTo(2);
    }

    @Test
    void values_areTheSegmentsAsGiven_undecoded() {
        assertThat(parametersOf("/notes/{id}", "/notes/a%20b+c")).containsEntry("id", "a%20b+c");
        assertThat(parametersOf("/files/{proxy+}", "/files/a%2Fb/c")).containsEntry("proxy", "a%2Fb/c");
    }

    @Test
    void aParameter_takesAnySegmentAsItIs_evenOneThatLooksLikeATemplate() {
        assertThat(parametersOf("/notes/{id}", "/notes/{id}")).containsEntry("id", "{id}");
    }

    @ParameterizedTest(name = "{0}: {1} literal, {2} fixed, greedy {3}")
    @CsvSource({
        "/,                    0, 0, false",
        "/notes,               1, 1, false",
        "/notes/{id},          1, 2, false",
        "/users/{u}/notes/{n}, 2, 4, false",
        "/{kind}/{id},         0, 2, false",
        "/echo/{proxy+},       1, 1, true",
        "/a/b/{proxy+},        2, 2, true",
        "/{proxy+},            0, 0, true",
    })
    void specificity_countsTheLiteralSegments_andTheOnesBeforeAGreedyParameter(
            String template, int literal, int fixed, boolean greedy) {
        RouteTemplate parsed = RouteTemplate.parse(template);

        assertThat(parsed.literalSegments()).isEqualTo(literal);
        assertThat(parsed.fixedSegments()).isEqualTo(fixed);
        assertThat(parsed.isGreedy()).isEqualTo(greedy);
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "notes", "notes/{id}", "/notes/", "//notes", "/notes//{id}", "/{}", "/{+}",
        "/{proxy+}/x", "/{a+}/{b+}", "/{id}/{id}", "/{id}/{id+}"})
    void aMalformedTemplate_isRejected(String template) {
        assertThatThrownBy(() -> RouteTemplate.parse(template))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Route template " + template + ": ");
    }

    @Test
    void aTemplate_printsAsWritten() {
        assertThat(RouteTemplate.parse("/notes/{id}")).hasToString("/notes/{id}");
        assertThat(RouteTemplate.parse("/echo/{proxy+}")).hasToString("/echo/{proxy+}");
    }

    @Test
    void aPathOfHundredsOfThousandsOfSegments_isMatchedInLinearTime() {
        List<String> path = segments("/files" + "/a".repeat(200_000));
        long start = System.nanoTime();

        assertThat(RouteTemplate.parse("/files/{proxy+}").match(path).orElseThrow().get("proxy")).hasSize(399_999);
        assertThat(RouteTemplate.parse("/files/{id}").match(path)).isEmpty();

        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }
}
