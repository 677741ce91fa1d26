package dev.lambdanotes.functions.account;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;
import static dev.lambdanotes.testing.app.ProblemAssertions.assertUnauthorized;
import static dev.lambdanotes.testing.app.TestApp.body;
import static dev.lambdanotes.testing.app.TestApp.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.app.TestApp;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccountHandlerTest {
    private static final String NEW_PASSWORD = "a new and longer passphrase";
    private final TestApp app = TestApp.shared();
    private final AccountHandler handler = new AccountHandler(app.account);

    private APIGatewayV2HTTPResponse call(ApiEvent event) {
        return Invoke.invoke(handler, event, null);
    }

    private APIGatewayV2HTTPResponse me(String token) {
        return call(ApiEvent.load("account-get.json").bearer(token));
    }

    private APIGatewayV2HTTPResponse changePassword(String token, String current, String next) {
        return call(ApiEvent.load("account-change-password.json").bearer(token)
                .body(body(Map.of("currentPassword", current, "newPassword", next))));
    }

    private APIGatewayV2HTTPResponse deleteAccount(String token, String password) {
        return call(ApiEvent.load("account-delete.json").bearer(token).body(body(Map.of("password", password))));
    }

    private APIGatewayV2HTTPResponse login(String username, String password) {
        return Invoke.invoke(app.session, ApiEvent.load("login.json")
                .body(body(Map.of("username", username, "password", password))), null);
    }

    private APIGatewayV2HTTPResponse listNotes(String token) {
        return Invoke.invoke(app.notes, ApiEvent.load("notes-list.json").bearer(token), null);
    }

    @ParameterizedTest
    @ValueSource(strings = {"account-get.json", "account-change-password.json", "account-delete.json"})
    void everyAccountRoute_withoutAValidToken_returns401BeforeReadingTheBody(String sample) {
        assertUnauthorized(call(ApiEvent.load(sample).withoutHeader("authorization")));
        assertUnauthorized(call(ApiEvent.load(sample).bearer("A".repeat(43)).body("{not json")));
    }

    @Nested
    class Profile {
        @Test
        void me_returnsIdUsernameAndCreatedAt_only() {
            String username = app.newUser("me");
            String token = app.logIn(username);

            APIGatewayV2HTTPResponse response = me(token);

            assertThat(response.getStatusCode()).isEqualTo(200);
            JsonNode body = json(response);
            assertThat(body.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "username", "createdAt");
            assertThat(UUID.fromString(body.get("id").asText())).isNotNull();
            assertThat(body.get("username").asText()).isEqualTo(username);
            assertThat(Instant.parse(body.get("createdAt").asText())).isBefore(Instant.now().plusSeconds(5));
        }
    }

    @Nested
    class ChangePassword {
        @Test
        void changePassword_keepsTheCurrentToken_revokesTheOthers_andOnlyTheNewPasswordLogsIn() {
            String username = app.newUser("chpw");
            String current = app.logIn(username);
            String other = app.logIn(username);
            String bystander = app.signedInUser("chpw-bystander");

            APIGatewayV2HTTPResponse response = changePassword(current, TestApp.PASSWORD, NEW_PASSWORD);

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
            assertThat(me(current).getStatusCode()).isEqualTo(200);
            assertUnauthorized(me(other));
            assertThat(me(bystander).getStatusCode()).isEqualTo(200);
            assertUnauthorized(login(username, TestApp.PASSWORD));
            assertThat(login(username, NEW_PASSWORD).getStatusCode()).isEqualTo(200);
        }

        @Test
        void changePassword_whileTheAccountIsBeingDeleted_returns401_notAServerError() throws Exception {
            String username = app.newUser("pwdeleting");
            String token = app.logIn(username);

            APIGatewayV2HTTPResponse response = app.duringAccountDeletion(username,
                    () -> changePassword(token, TestApp.PASSWORD, NEW_PASSWORD));

            assertUnauthorized(response);
        }

        @Test
        void changePassword_withTheWrongCurrentPassword_returns401AndChangesNothing() {
            String username = app.newUser("chpw-wrong");
            String token = app.logIn(username);
            String other = app.logIn(username);

            APIGatewayV2HTTPResponse response = changePassword(token, "not the password", NEW_PASSWORD);

            assertProblem(response, 401);
            assertThat(json(response).get("type").asText()).isEqualTo("/problems/wrong-password");
            assertThat(me(other).getStatusCode()).isEqualTo(200);
            assertThat(login(username, TestApp.PASSWORD).getStatusCode()).isEqualTo(200);
        }

        @Test
        void wrongCurrentPasswords_areCountedByTheLoginThrottle() {
            String username = app.newUser("chpw-throttle");
            String token = app.logIn(username);
            for (int i = 0; i < 5; i++) {
                assertProblem(changePassword(token, "not the password", NEW_PASSWORD), 401);
            }

            assertProblem(changePassword(token, TestApp.PASSWORD, NEW_PASSWORD), 429);
            assertProblem(login(username, TestApp.PASSWORD), 429);
        }

        @ParameterizedTest
        @ValueSource(strings = {"short", "{\"currentPassword\":\"x\"}", "{\"currentPassword\":\"correct horse battery staple\",\"newPassword\":7}",
                "{\"currentPassword\":\"correct horse battery staple\",\"newPassword\":\"abc\\ud800defghij\"}"})
        void changePassword_withAnInvalidNewPassword_returns400AndChangesNothing(String requestBody) {
            String username = app.newUser("chpw-invalid");
            String token = app.logIn(username);
            String body = requestBody.equals("short")
                    ? body(Map.of("currentPassword", TestApp.PASSWORD, "newPassword", "short")) : requestBody;

            APIGatewayV2HTTPResponse response = call(ApiEvent.load("account-change-password.json").bearer(token).body(body));

            assertProblem(response, 400);
            assertThat(json(response).get("errors").findValuesAsText("pointer")).contains("#/newPassword");
            assertThat(login(username, TestApp.PASSWORD).getStatusCode()).isEqualTo(200);
        }
    }

    @Nested
    class DeleteAccount {
        @Test
        void deleteAccount_removesTheUserTheirNotesAndTokens_andFreesTheUsername() throws Exception {
            String username = app.newUser("leaving");
            String token = app.logIn(username);
            String other = app.logIn(username);
            app.createNote(token, "Soon gone", "with its owner");
            String bystander = app.signedInUser("staying");
            app.createNote(bystander, "Stays", "untouched");

            APIGatewayV2HTTPResponse response = deleteAccount(token, TestApp.PASSWORD);

            assertThat(response.getStatusCode()).as(response.getBody()).isEqualTo(204);
            assertUnauthorized(me(token));
            assertUnauthorized(me(other));
            assertThat(count("SELECT count(*) FROM users WHERE username = ?", username)).isZero();
            assertThat(count("SELECT count(*) FROM notes n WHERE n.title = ? AND NOT EXISTS "
                    + "(SELECT 1 FROM users u WHERE u.id = n.owner_id)", "Soon gone")).isZero();
            assertThat(json(listNotes(bystander)).get("items")).hasSize(1);
            APIGatewayV2HTTPResponse again = Invoke.invoke(app.register, ApiEvent.load("register.json")
                    .body(body(Map.of("username", username, "password", NEW_PASSWORD))), null);
            assertThat(again.getStatusCode()).isEqualTo(201);
            assertUnauthorized(login(username, TestApp.PASSWORD));
        }

        @Test
        void deleteAccount_withTheWrongPassword_returns401AndDeletesNothing() {
            String token = app.signedInUser("not-leaving");
            app.createNote(token, "Kept", "");

            assertProblem(deleteAccount(token, "not the password"), 401);

            assertThat(me(token).getStatusCode()).isEqualTo(200);
            assertThat(json(listNotes(token)).get("items")).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"{}", "{\"password\":5}", "[]", "{\"password\":\"\"}"})
        void deleteAccount_withoutAPassword_returns400(String requestBody) {
            String token = app.signedInUser("no-password");

            assertProblem(call(ApiEvent.load("account-delete.json").bearer(token).body(requestBody)), 400);

            assertThat(me(token).getStatusCode()).isEqualTo(200);
        }

        @Test
        void deleteAccount_ofOneUser_leavesEveryOtherUserIntact() {
            String leaving = app.signedInUser("cross-leaving");
            String staying = app.signedInUser("cross-staying");
            String stayingNote = app.createNote(staying, "Mine", "").get("id").asText();

            assertThat(deleteAccount(leaving, TestApp.PASSWORD).getStatusCode()).isEqualTo(204);

            assertThat(me(staying).getStatusCode()).isEqualTo(200);
            assertThat(Invoke.invoke(app.notes, ApiEvent.load("notes-get.json").bearer(staying)
                    .pathParameter("id", stayingNote), null).getStatusCode()).isEqualTo(200);
        }
    }

    private int count(String sql, String parameter) throws Exception {
        try (Connection connection = app.database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, parameter);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
