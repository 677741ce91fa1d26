package dev.lambdanotes.functions.notes;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;
import static dev.lambdanotes.testing.app.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NotesListingTest {
    private final TestApp app = TestApp.shared();
    private final NotesHandler handler = new NotesHandler(app.notes);

    private APIGatewayV2HTTPResponse list(String token, Map<String, String> query) {
        return Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token).query(query), null);
    }

    private static List<String> titles(JsonNode page) {
        List<String> titles = new ArrayList<>();
        page.get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    /**
     * Twelve notes of 100,000 control characters, each written as six in JSON: a page of all
     * twelve would be about 8 MB, over what Lambda lets a function return. The page is cut (Invoke
     * fails any result over 6 MB), and its cursor leads to the rest, each note exactly once.
     */
    @Test
    void aPageTooLargeForLambdasResultLimit_isCut_andItsCursorLeadsToTheRest() {
        String token = app.signedInUser("bulky");
        String bulk = "\u0001".repeat(100_000);
        Set<String> created = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            created.add(app.createNote(token, "bulky " + i, bulk).get("id").asText());
        }

        JsonNode first = json(list(token, Map.of("limit", "12")));
        assertThat(first.get("items").size()).isBetween(1, 11);
        assertThat(first.get("nextCursor").isTextual()).isTrue();

        List<String> seen = new ArrayList<>();
        first.get("items").forEach(item -> seen.add(item.get("id").asText()));
        JsonNode page = first;
        while (page.get("nextCursor").isTextual()) {
            page = json(list(token, Map.of("limit", "12", "cursor", page.get("nextCursor").asText())));
            page.get("items").forEach(item -> seen.add(item.get("id").asText()));
        }
        assertThat(seen).doesNotHaveDuplicates();
        assertThat(Set.copyOf(seen)).isEqualTo(created);
        first.get("items").forEach(item -> assertThat(item.get("body").asText()).isEqualTo(bulk));
    }

    @Test
    void list_returnsOnlyTheCallersNotes_newestFirst() {
        String token = app.signedInUser("lister");
        String other = app.signedInUser("neighbour");
        app.createNote(other, "not yours", "x");
        for (int i = 1; i <= 3; i++) {
            app.createNote(token, "note " + i, "body " + i);
        }

        APIGatewayV2HTTPResponse response = list(token, Map.of());

        assertThat(response.getStatusCode()).isEqualTo(200);
        JsonNode page = json(response);
        assertThat(titles(page)).containsExactly("note 3", "note 2", "note 1");
        assertThat(page.get("nextCursor").isNull()).isTrue();
        assertThat(page.get("items").get(0).fieldNames()).toIterable()
                .containsExactlyInAnyOrder("id", "title", "body", "createdAt", "updatedAt");
    }

    @Test
    void list_withoutLimit_returns20PerPage() {
        String token = app.signedInUser("default-limit");
        for (int i = 0; i < 21; i++) {
            app.createNote(token, "n" + i, "");
        }

        JsonNode first = json(list(token, Map.of()));

        assertThat(first.get("items")).hasSize(20);
        JsonNode second = json(list(token, Map.of("cursor", first.get("nextCursor").asText())));
        assertThat(titles(second)).containsExactly("n0");
        assertThat(second.get("nextCursor").isNull()).isTrue();
    }

    @Test
    void pagination_visitsEveryNoteExactlyOnce_whileNotesAreAdded() {
        String token = app.signedInUser("paging");
        Set<String> existing = new HashSet<>();
        for (int i = 0; i < 25; i++) {
            existing.add(app.createNote(token, "old " + i, "").get("id").asText());
        }
        Map<String, Integer> seen = new HashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            Map<String, String> query = new HashMap<>(Map.of("limit", "4"));
            if (cursor != null) {
                query.put("cursor", cursor);
            }
            JsonNode page = json(list(token, query));
            page.get("items").forEach(item -> seen.merge(item.get("id").asText(), 1, Integer::sum));
            app.createNote(token, "added during page " + pages, "");
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asText();
            pages++;
        } while (cursor != null && pages < 50);

        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(existing);
        assertThat(seen.values()).allMatch(count -> count == 1);
        assertThat(pages).isEqualTo(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "101", "-1", "abc", "1.5", "99999999999", "+5", "\uff15", "\u0665", " 5"})
    void list_withLimitOutOfRangeOrNotANumber_returns400NamingTheParameter(String limit) {
        String token = app.signedInUser("badlimit");

        APIGatewayV2HTTPResponse response = list(token, Map.of("limit", limit));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("parameter").asText()).isEqualTo("limit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "100"})
    void list_withLimitAtItsBounds_isAccepted(String limit) {
        assertThat(list(app.signedInUser("limit"), Map.of("limit", limit)).getStatusCode()).isEqualTo(200);
    }

    /** The last one decodes to a timestamp far beyond any stored one (10000000000000 seconds). */
    @ParameterizedTest
    @ValueSource(strings = {"garbage!", "bm90LWEtY3Vyc29y", "MTIzLjQ1Ng",
            "MTAwMDAwMDAwMDAwMDAuMC4wMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDA"})
    void list_withForgedCursor_returns400(String cursor) {
        APIGatewayV2HTTPResponse response = list(app.signedInUser("badcursor"), Map.of("cursor", cursor));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("parameter").asText()).isEqualTo("cursor");
    }

    @Test
    void list_withAnotherUsersCursor_stillShowsOnlyTheCallersNotes() {
        String alice = app.signedInUser("alice-cursor");
        String bob = app.signedInUser("bob-cursor");
        for (int i = 0; i < 3; i++) {
            app.createNote(alice, "alice " + i, "");
        }
        app.createNote(bob, "bob 0", "");
        String aliceCursor = json(list(alice, Map.of("limit", "1"))).get("nextCursor").asText();

        JsonNode bobsView = json(list(bob, Map.of("cursor", aliceCursor)));

        assertThat(titles(bobsView)).allMatch(title -> title.startsWith("bob"));
    }
}
