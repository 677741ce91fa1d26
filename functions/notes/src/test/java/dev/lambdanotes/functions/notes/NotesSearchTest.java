package dev.lambdanotes.functions.notes;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;
import static dev.lambdanotes.testing.app.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GET /notes?q=: full-text search over the caller's own notes, newest first, with the listing's pagination. */
class NotesSearchTest {
    private final TestApp app = TestApp.shared();
    private final NotesHandler handler = new NotesHandler(app.notes);
    private String token;

    private APIGatewayV2HTTPResponse search(String token, Map<String, String> query) {
        return Invoke.invoke(handler, ApiEvent.load("notes-list.json").bearer(token).query(query), null);
    }

    private List<String> titlesFound(String q) {
        APIGatewayV2HTTPResponse response = search(token, Map.of("q", q));
        assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(200);
        List<String> titles = new ArrayList<>();
        json(response).get("items").forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }

    @BeforeEach
    void notes() {
        token = app.signedInUser("search");
        app.createNote(token, "Groceries", "Milk, eggs and coffee beans");
        app.createNote(token, "Trip to Lisbon", "Book the train; pack the camera");
        app.createNote(token, "Coffee roasters", "A list of places that roast their own beans");
        app.createNote(token, "Ελληνικά", "Καλημέρα κόσμε, ünïcödé wörds and 日本語");
    }

    @ParameterizedTest(name = "q={0}")
    @CsvSource(delimiter = '|', value = {
            "coffee|Coffee roasters,Groceries",
            "COFFEE beans|Coffee roasters,Groceries",
            "\"coffee beans\"|Groceries",
            "coffee -roast|Groceries",
            "lisbon or roasters|Coffee roasters,Trip to Lisbon",
            "gro|Groceries",
            "coffee bea|Coffee roasters,Groceries",
            "Καλημέρα|Ελληνικά",
            "日本語|Ελληνικά",
            "wörds|Ελληνικά",
            "nothing-like-this|",
            "\"coffee|Coffee roasters,Groceries"})
    void search_findsTheCallersMatchingNotes_newestFirst(String q, String expected) {
        List<String> titles = titlesFound(q);

        assertThat(titles).containsExactlyElementsOf(expected == null ? List.of() : List.of(expected.split(",")));
    }

    @Test
    void anotherUsersNotes_areNeverFound() {
        String other = app.signedInUser("search-other");
        app.createNote(other, "Coffee secrets", "coffee coffee coffee");

        assertThat(titlesFound("coffee")).doesNotContain("Coffee secrets");
        assertThat(titlesFound("secrets")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void anEmptySearch_isThePlainListing(String q) {
        assertThat(titlesFound(q)).hasSize(4);
    }

    @Test
    void pagingThroughASearch_whileNotesAreAdded_seesEveryMatchOnce() {
        for (int i = 0; i < 7; i++) {
            app.createNote(token, "Page note " + i, "pageable");
        }
        List<String> seen = new ArrayList<>();
        Map<String, String> query = new HashMap<>(Map.of("q", "pageable", "limit", "3"));
        int pages = 0;
        while (true) {
            JsonNode page = json(search(token, query));
            page.get("items").forEach(item -> seen.add(item.get("title").asText()));
            pages++;
            app.createNote(token, "Added meanwhile " + pages, "pageable");
            if (page.get("nextCursor").isNull()) {
                break;
            }
            query.put("cursor", page.get("nextCursor").asText());
        }

        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(7).doesNotHaveDuplicates().allMatch(title -> title.startsWith("Page note"));
    }

    @Test
    void aSearchCursor_continuesOnlyThatSearch() {
        JsonNode first = json(search(token, Map.of("q", "coffee", "limit", "1")));
        String cursor = first.get("nextCursor").asText();

        assertThat(search(token, Map.of("q", "coffee", "limit", "1", "cursor", cursor)).getStatusCode()).isEqualTo(200);
        APIGatewayV2HTTPResponse otherSearch = search(token, Map.of("q", "lisbon", "cursor", cursor));
        assertProblem(otherSearch, 400);
        assertThat(json(otherSearch).get("errors").get(0).get("parameter").asText()).isEqualTo("cursor");
        assertProblem(search(token, Map.of("cursor", cursor)), 400);
        String listingCursor = json(search(token, Map.of("limit", "1"))).get("nextCursor").asText();
        assertProblem(search(token, Map.of("q", "coffee", "cursor", listingCursor)), 400);
    }

    @ParameterizedTest
    @ValueSource(ints = {201, 1000})
    void aSearchOver200Characters_isA400NamingQ(int length) {
        APIGatewayV2HTTPResponse response = search(token, Map.of("q", "x".repeat(length)));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("parameter").asText()).isEqualTo("q");
        assertThat(search(token, Map.of("q", "y".repeat(200))).getStatusCode()).isEqualTo(200);
    }

    @Test
    void aSearchWithANul_isA400NamingQ() {
        APIGatewayV2HTTPResponse response = search(token, Map.of("q", "a\u0000b"));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("parameter").asText()).isEqualTo("q");
    }

    @ParameterizedTest
    @ValueSource(strings = {"!!!", "\"", "-", "or", "& | ! ( ) : *", "'; drop table notes; --", "coffee:*", "a\\b", "(((("})
    void oddSearches_neverFail(String q) {
        assertThat(search(token, Map.of("q", q)).getStatusCode()).isEqualTo(200);
    }
}
