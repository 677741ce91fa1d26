package dev.lambdanotes.functions.notes;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;
import static dev.lambdanotes.testing.app.ProblemAssertions.assertUnauthorized;
import static dev.lambdanotes.testing.app.TestApp.body;
import static dev.lambdanotes.testing.app.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class NotesHandlerTest {
    private final TestApp app = TestApp.shared();
    private final NotesHandler handler = new NotesHandler(app.notes);

    private APIGatewayV2HTTPResponse call(ApiEvent event) {
        return Invoke.invoke(handler, event, null);
    }

    private APIGatewayV2HTTPResponse get(String token, String id) {
        return call(ApiEvent.load("notes-get.json").bearer(token).pathParameter("id", id));
    }

    private APIGatewayV2HTTPResponse put(String token, String id, String title, String noteBody, String ifMatch) {
        ApiEvent event = ApiEvent.load("notes-update.json").bearer(token).pathParameter("id", id)
                .header("if-match", ifMatch).body(body(Map.of("title", title, "body", noteBody)));
        return call(event);
    }

    private APIGatewayV2HTTPResponse delete(String token, String id) {
        return call(ApiEvent.load("notes-delete.json").bearer(token).pathParameter("id", id));
    }

    private APIGatewayV2HTTPResponse create(String token, String requestBody) {
        return call(ApiEvent.load("notes-create.json").bearer(token).body(requestBody));
    }



    @ParameterizedTest
    @ValueSource(strings = {"notes-list.json", "notes-create.json", "notes-get.json", "notes-update.json",
            "notes-delete.json"})
    void everyNotesRoute_withoutToken_returns401(String sample) {
        assertUnauthorized(call(ApiEvent.load(sample).withoutHeader("authorization")));
    }

    @Nested
    class Create {
        @Test
        void create_returns201WithLocationETagAndTheNote() {
            String token = app.signedInUser("create");
            Instant before = Instant.now().minusSeconds(5);

            APIGatewayV2HTTPResponse response = create(token, body(Map.of("title", "Groceries", "body", "Milk")));

            assertThat(response.getStatusCode()).isEqualTo(201);
            JsonNode note = json(response);
            assertThat(note.get("title").asText()).isEqualTo("Groceries");
            assertThat(note.get("body").asText()).isEqualTo("Milk");
            assertThat(response.getHeaders()).containsEntry("Location", "/notes/" + note.get("id").asText());
            assertThat(response.getHeaders().get("ETag")).matches("\"\\d+\"");
            Instant created = Instant.parse(note.get("createdAt").asText());
            assertThat(created).isAfter(before);
            assertThat(note.get("updatedAt").asText()).endsWith("Z");
            assertThat(note.fieldNames()).toIterable()
                    .containsExactlyInAnyOrder("id", "title", "body", "createdAt", "updatedAt");
        }

        @Test
        void create_withEmptyBodyText_isAllowed() {
            String token = app.signedInUser("emptybody");

            assertThat(create(token, body(Map.of("title", "Only a title", "body", ""))).getStatusCode())
                    .isEqualTo(201);
        }

        @Test
        void create_withTitleAndBodyAtTheirLimits_isAccepted() {
            String token = app.signedInUser("limits");
            String title = "😀".repeat(200);
            String text = "é".repeat(100_000);

            APIGatewayV2HTTPResponse response = create(token, body(Map.of("title", title, "body", text)));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
            JsonNode fetched = json(get(token, json(response).get("id").asText()));
            assertThat(fetched.get("title").asText()).isEqualTo(title);
            assertThat(fetched.get("body").asText()).isEqualTo(text);
        }

        static Stream<Arguments> brokenRules() {
            return Stream.of(
                    Arguments.of("empty title", body(Map.of("title", "", "body", "b")), "#/title"),
                    Arguments.of("blank title", body(Map.of("title", "   ", "body", "b")), "#/title"),
                    Arguments.of("title over 200", body(Map.of("title", "😀".repeat(201), "body", "b")), "#/title"),
                    Arguments.of("body over 100000", body(Map.of("title", "t", "body", "x".repeat(100_001))), "#/body"),
                    Arguments.of("no body member", body(Map.of("title", "t")), "#/body"),
                    Arguments.of("no title member", body(Map.of("body", "b")), "#/title"),
                    Arguments.of("number title", "{\"title\": 5, \"body\": \"b\"}", "#/title"),
                    Arguments.of("object body", "{\"title\": \"t\", \"body\": {\"nested\": true}}", "#/body"),
                    Arguments.of("NUL in title", "{\"title\": \"nul\\u0000\", \"body\": \"b\"}", "#/title"),
                    Arguments.of("lone surrogate in body", "{\"title\": \"t\", \"body\": \"lone \\ud800 surrogate\"}", "#/body"));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("brokenRules")
        void create_breakingARule_returns400NamingTheField_andStoresNothing(String rule, String requestBody, String pointer) {
            String token = app.signedInUser("rules");

            APIGatewayV2HTTPResponse response = create(token, requestBody);

            assertProblem(response, 400);
            assertThat(json(response).get("errors").findValuesAsText("pointer")).contains(pointer);
            assertThat(json(call(ApiEvent.load("notes-list.json").bearer(token))).get("items")).isEmpty();
        }

        @Test
        void create_withMalformedOrMissingBody_returns400() {
            String token = app.signedInUser("malformed");
            assertProblem(create(token, "{\"title\": \"t\""), 400);
            assertProblem(create(token, "[1, 2]"), 400);
            assertProblem(create(token, null), 400);
        }

        @Test
        void create_withBodyOver1MiB_returns413() {
            String token = app.signedInUser("huge");
            assertProblem(create(token, body(Map.of("title", "t", "body", "x".repeat(1024 * 1024 + 1)))), 413);
        }

        @Test
        void create_withNonJsonContentType_returns415() {
            String token = app.signedInUser("textplain");
            assertProblem(call(ApiEvent.load("notes-create.json").bearer(token)
                    .header("content-type", "text/plain").body("title=t")), 415);
        }

        @ParameterizedTest
        @ValueSource(strings = {";", "application/json; charset", "/", "application/json;;"})
        void createAndUpdate_withMalformedContentType_return400AndStoreNothing(String contentType) {
            String token = app.signedInUser("badtype");
            ObjectNode note = app.createNote(token, "Kept", "as it was");
            String id = note.get("id").asText();

            assertProblem(call(ApiEvent.load("notes-create.json").bearer(token)
                    .header("content-type", contentType).body(body(Map.of("title", "t", "body", "b")))), 400);
            assertProblem(call(ApiEvent.load("notes-update.json").bearer(token).pathParameter("id", id)
                    .header("if-match", "\"0\"").header("content-type", contentType)
                    .body(body(Map.of("title", "t", "body", "b")))), 400);

            assertThat(json(call(ApiEvent.load("notes-list.json").bearer(token))).get("items")).hasSize(1);
            assertThat(json(get(token, id)).get("title").asText()).isEqualTo("Kept");
        }

        @Test
        void create_withInvalidUtf8Body_returns400AndStoresNothing() {
            String token = app.signedInUser("badutf8");
            byte[] invalid = {'{', '"', 't', 'i', 't', 'l', 'e', '"', ':', '"', 'a', (byte) 0xFF, '"', ',',
                    '"', 'b', 'o', 'd', 'y', '"', ':', '"', '"', '}'};

            assertProblem(call(ApiEvent.load("notes-create.json").bearer(token).base64Body(invalid)), 400);

            assertThat(json(call(ApiEvent.load("notes-list.json").bearer(token))).get("items")).isEmpty();
        }

        @Test
        void create_withUnknownTokenAndInvalidBody_isRefusedAsUnauthenticatedFirst() {
            String unknown = "A".repeat(43);
            assertUnauthorized(create(unknown, "{\"title\": 5}"));
            assertUnauthorized(put(unknown, UUID.randomUUID().toString(), "", "", null));
        }

        @Test
        void create_withBase64BodyAndUpperCaseHeaderNames_works() {
            String token = app.signedInUser("b64note");
            byte[] bytes = body(Map.of("title", "Base64 ✓", "body", "שלום")).getBytes(StandardCharsets.UTF_8);

            APIGatewayV2HTTPResponse response = call(ApiEvent.load("notes-create.json")
                    .withoutHeader("authorization")
                    .header("AUTHORIZATION", "bearer " + token)
                    .header("CONTENT-TYPE", "application/json")
                    .base64Body(bytes));

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(201);
            assertThat(json(response).get("title").asText()).isEqualTo("Base64 ✓");
            assertThat(json(response).get("body").asText()).isEqualTo("שלום");
        }

        @Test
        void unicode_emojiRightToLeftAndCombiningMarks_roundTripExactly() {
            String token = app.signedInUser("unicode");
            String title = "👩‍👩‍👧‍👦 family 🇺🇳";
            String text = "مرحبا بالعالم · שלום עולם · e\u0301 vs é · Z\u0351\u0362a\u0317\u0353l\u0351g\u0335o · \u202Eevil\u202C";

            String id = app.createNote(token, title, text).get("id").asText();
            JsonNode fetched = json(get(token, id));

            assertThat(fetched.get("title").asText()).isEqualTo(title);
            assertThat(fetched.get("body").asText()).isEqualTo(text);
            assertThat(json(call(ApiEvent.load("notes-list.json").bearer(token))).get("items").get(0)
                    .get("body").asText()).isEqualTo(text);
        }
    }

    @Nested
    class Read {
        @Test
        void get_ownNote_returns200WithETag() {
            String token = app.signedInUser("get");
            ObjectNode created = app.createNote(token, "Title", "Body");

            APIGatewayV2HTTPResponse response = get(token, created.get("id").asText());

            assertThat(response.getStatusCode()).isEqualTo(200);
            assertThat(json(response)).isEqualTo(created);
            assertThat(response.getHeaders().get("ETag")).isEqualTo("\"0\"");
        }

        @Test
        void get_noteOfAnotherUser_isNotFound_likeANoteThatDoesNotExist() {
            String owner = app.signedInUser("owner");
            String intruder = app.signedInUser("intruder");
            String id = app.createNote(owner, "Private", "Secret").get("id").asText();

            APIGatewayV2HTTPResponse theirs = get(intruder, id);
            APIGatewayV2HTTPResponse missing = get(intruder, UUID.randomUUID().toString());

            assertProblem(theirs, 404);
            assertThat(theirs.getBody()).isEqualTo(missing.getBody()).doesNotContain("Secret");
        }

        @Test
        void get_withIdThatIsNotAUuid_isNotFound() {
            String token = app.signedInUser("baduuid");
            assertProblem(get(token, "not-a-uuid"), 404);
            assertProblem(get(token, "1' OR '1'='1"), 404);
        }
    }

    @Nested
    class Update {
        @Test
        void put_replacesTitleAndBody_andReturnsNewETagAndLaterUpdatedAt() {
            String token = app.signedInUser("put");
            ObjectNode created = app.createNote(token, "Before", "old");
            String id = created.get("id").asText();

            APIGatewayV2HTTPResponse response = put(token, id, "After", "new", null);

            assertThat(response.getStatusCode()).isEqualTo(200);
            JsonNode updated = json(response);
            assertThat(updated.get("title").asText()).isEqualTo("After");
            assertThat(updated.get("body").asText()).isEqualTo("new");
            assertThat(updated.get("createdAt")).isEqualTo(created.get("createdAt"));
            assertThat(Instant.parse(updated.get("updatedAt").asText()))
                    .isAfter(Instant.parse(created.get("updatedAt").asText()));
            assertThat(response.getHeaders().get("ETag")).isEqualTo("\"1\"");
            assertThat(json(get(token, id))).isEqualTo(updated);
        }

        @Test
        void put_withCurrentIfMatch_succeeds_andWithStaleIfMatch_returns412AndChangesNothing() {
            String token = app.signedInUser("ifmatch");
            String id = app.createNote(token, "v0", "body").get("id").asText();

            APIGatewayV2HTTPResponse first = put(token, id, "v1", "body", "\"0\"");
            assertThat(first.getStatusCode()).isEqualTo(200);

            APIGatewayV2HTTPResponse stale = put(token, id, "v2", "lost update", "\"0\"");

            assertProblem(stale, 412);
            JsonNode current = json(get(token, id));
            assertThat(current.get("title").asText()).isEqualTo("v1");
            assertThat(current).isEqualTo(json(first));
        }

        @Test
        void put_ifMatchIsComparedStrongly_andAcceptsListsAndStar() {
            String token = app.signedInUser("etags");
            String id = app.createNote(token, "t", "b").get("id").asText();

            assertProblem(put(token, id, "weak", "b", "W/\"0\""), 412);
            assertThat(put(token, id, "list", "b", "\"7\", \"0\"").getStatusCode()).isEqualTo(200);
            assertThat(put(token, id, "star", "b", "*").getStatusCode()).isEqualTo(200);
        }

        @Test
        void delete_withAStaleIfMatch_returns412AndKeepsTheNewerVersion_andWithTheCurrentOneDeletes() {
            String token = app.signedInUser("delifmatch");
            String id = app.createNote(token, "v0", "body").get("id").asText();
            assertThat(put(token, id, "v1", "edited elsewhere", "\"0\"").getStatusCode()).isEqualTo(200);

            assertProblem(call(ApiEvent.load("notes-delete.json").bearer(token).pathParameter("id", id)
                    .header("if-match", "\"0\"")), 412);
            assertThat(json(get(token, id)).get("body").asText()).isEqualTo("edited elsewhere");

            assertThat(call(ApiEvent.load("notes-delete.json").bearer(token).pathParameter("id", id)
                    .header("if-match", "\"1\"")).getStatusCode()).isEqualTo(204);
            assertProblem(get(token, id), 404);
        }

        @Test
        void get_withAnIfMatchTheNoteNoLongerMeets_returns412_andWithItsCurrentTag200() {
            String token = app.signedInUser("getifmatch");
            String id = app.createNote(token, "v0", "body").get("id").asText();
            put(token, id, "v1", "body", "\"0\"");

            assertProblem(call(ApiEvent.load("notes-get.json").bearer(token).pathParameter("id", id)
                    .header("if-match", "\"0\"")), 412);
            assertThat(call(ApiEvent.load("notes-get.json").bearer(token).pathParameter("id", id)
                    .header("if-match", "\"1\"")).getStatusCode()).isEqualTo(200);
        }

        @Test
        void create_whileTheAccountIsBeingDeleted_returns401_notAServerError() throws Exception {
            String username = app.newUser("deleting");
            String token = app.logIn(username);

            APIGatewayV2HTTPResponse response = app.duringAccountDeletion(username,
                    () -> create(token, body(Map.of("title", "too late", "body", "the account is going"))));

            assertUnauthorized(response);
        }

        @Test
        void put_concurrentlyWithTheSameIfMatch_givesOne200AndOne412() throws Exception {
            String token = app.signedInUser("concurrent");
            for (int round = 0; round < 3; round++) {
                String id = app.createNote(token, "start", "b").get("id").asText();
                CyclicBarrier barrier = new CyclicBarrier(2);
                var pool = Executors.newFixedThreadPool(2);
                try {
                    var a = pool.submit(() -> {
                        barrier.await();
                        return put(token, id, "writer A", "a", "\"0\"").getStatusCode();
                    });
                    var b = pool.submit(() -> {
                        barrier.await();
                        return put(token, id, "writer B", "b", "\"0\"").getStatusCode();
                    });
                    assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 412);
                } finally {
                    pool.shutdownNow();
                }
                JsonNode stored = json(get(token, id));
                assertThat(stored.get("title").asText()).isIn("writer A", "writer B");
                assertThat(get(token, id).getHeaders().get("ETag")).isEqualTo("\"1\"");
            }
        }

        @Test
        void put_noteOfAnotherUser_isNotFound_andChangesNothing() {
            String owner = app.signedInUser("putowner");
            String intruder = app.signedInUser("putintruder");
            String id = app.createNote(owner, "Mine", "hands off").get("id").asText();

            assertProblem(put(intruder, id, "Hacked", "pwned", null), 404);
            assertProblem(put(intruder, id, "Hacked", "pwned", "*"), 404);

            assertThat(json(get(owner, id)).get("title").asText()).isEqualTo("Mine");
        }

        @Test
        void put_invalidContent_returns400_andUnknownNote404() {
            String token = app.signedInUser("putinvalid");
            String id = app.createNote(token, "t", "b").get("id").asText();

            assertProblem(put(token, id, "", "b", null), 400);
            assertProblem(put(token, UUID.randomUUID().toString(), "t", "b", null), 404);
        }
    }

    @Nested
    class Delete {
        @Test
        void delete_ownNote_returns204_andTheNoteIsGone() {
            String token = app.signedInUser("delete");
            String id = app.createNote(token, "t", "b").get("id").asText();

            APIGatewayV2HTTPResponse response = delete(token, id);

            assertThat(response.getStatusCode()).isEqualTo(204);
            assertProblem(get(token, id), 404);
            assertProblem(delete(token, id), 404);
        }

        @Test
        void delete_noteOfAnotherUser_isNotFound_andTheNoteSurvives() {
            String owner = app.signedInUser("delowner");
            String intruder = app.signedInUser("delintruder");
            String id = app.createNote(owner, "Keep", "me").get("id").asText();

            assertProblem(delete(intruder, id), 404);

            assertThat(get(owner, id).getStatusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Routing {
        @Test
        void unknownPath_onTheDefaultRoute_returns404Problem() {
            ApiEvent event = ApiEvent.load("notes-list.json");
            ((ObjectNode) event.json()).put("routeKey", "$default").put("rawPath", "/nothing-here");

            assertProblem(call(event), 404);
        }

        @Test
        void wrongMethod_onTheDefaultRoute_returns405WithAllow() {
            ApiEvent event = ApiEvent.load("notes-list.json");
            ((ObjectNode) event.json()).put("routeKey", "$default");
            ((ObjectNode) event.json().path("requestContext").path("http")).put("method", "PATCH");

            APIGatewayV2HTTPResponse response = call(event);

            assertProblem(response, 405);
            assertThat(response.getHeaders()).containsEntry("Allow", "GET, POST");
        }

        @Test
        void defaultRoute_stillFindsTheNoteByItsPath() {
            String token = app.signedInUser("defaultroute");
            String id = app.createNote(token, "t", "b").get("id").asText();
            ApiEvent event = ApiEvent.load("notes-get.json").bearer(token).pathParameter("id", id);
            ((ObjectNode) event.json()).put("routeKey", "$default").remove("pathParameters");

            assertThat(call(event).getStatusCode()).isEqualTo(200);
        }
    }
}
