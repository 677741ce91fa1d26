package dev.lambdanotes.functions.login;

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
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LoginHandlerTest {
    private final TestApp app = TestApp.shared();
    private final LoginHandler handler = new LoginHandler(app.session);

    private APIGatewayV2HTTPResponse login(String username, String password) {
        return Invoke.invoke(handler, ApiEvent.load("login.json")
                .body(body(Map.of("username", username, "password", password))), null);
    }

    private APIGatewayV2HTTPResponse logout(ApiEvent event) {
        return Invoke.invoke(handler, event, null);
    }

    private APIGatewayV2HTTPResponse listNotes(String token) {
        return Invoke.invoke(app.notes, ApiEvent.load("notes-list.json").bearer(token), null);
    }


    @Test
    void login_withRightPassword_returnsBearerTokenExpiringInOneHour() {
        String username = app.newUser("login");

        APIGatewayV2HTTPResponse response = login(username, TestApp.PASSWORD);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("Cache-Control", "no-store");
        JsonNode body = json(response);
        assertThat(body.get("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.get("expiresIn").asLong()).isEqualTo(3600);
        assertThat(Base64.getUrlDecoder().decode(body.get("token").asText())).hasSize(32);
        assertThat(listNotes(body.get("token").asText()).getStatusCode()).isEqualTo(200);
    }

    @Test
    void login_usernameMatchesRegardlessOfCase() {
        String username = app.newUser("CaseLogin");

        assertThat(login(username.toLowerCase(), TestApp.PASSWORD).getStatusCode()).isEqualTo(200);
    }

    @Test
    void login_twice_issuesADifferentTokenEachTime_andBothWork() {
        String username = app.newUser("twice");

        String first = json(login(username, TestApp.PASSWORD)).get("token").asText();
        String second = json(login(username, TestApp.PASSWORD)).get("token").asText();

        assertThat(first).isNotEqualTo(second);
        assertThat(listNotes(first).getStatusCode()).isEqualTo(200);
        assertThat(listNotes(second).getStatusCode()).isEqualTo(200);
    }

    @Test
    void login_storesOnlyTheTokensDigest() throws Exception {
        String username = app.newUser("digest");
        String token = json(login(username, TestApp.PASSWORD)).get("token").asText();
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII));

        try (Connection connection = app.database.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM access_tokens t JOIN users u ON u.id = t.user_id "
                             + "WHERE u.username = ? AND t.token_hash = ?")) {
            statement.setString(1, username);
            statement.setBytes(2, digest);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void login_whileTheAccountIsBeingDeleted_returnsTheSame401AsAWrongPassword() throws Exception {
        String username = app.newUser("deleting");
        APIGatewayV2HTTPResponse wrongPassword = login(username + "-nobody", "not the password");

        APIGatewayV2HTTPResponse response = app.duringAccountDeletion(username, () -> login(username, TestApp.PASSWORD));

        assertUnauthorized(response);
        assertThat(response.getBody()).isEqualTo(wrongPassword.getBody());
    }

    @Test
    void login_wrongPasswordAndUnknownUser_getTheSame401() {
        String username = app.newUser("wrongpw");

        APIGatewayV2HTTPResponse wrongPassword = login(username, "not the password");
        APIGatewayV2HTTPResponse unknownUser = login(username + "-nobody", "not the password");

        assertUnauthorized(wrongPassword);
        assertUnauthorized(unknownUser);
        assertThat(unknownUser.getBody()).isEqualTo(wrongPassword.getBody());
        assertThat(unknownUser.getHeaders()).isEqualTo(wrongPassword.getHeaders());
    }

    @Test
    void login_unknownUser_costsAboutAsMuchAsAWrongPassword() {
        login(app.newUser("timing"), "warm up the hasher");
        List<Long> wrongPassword = new ArrayList<>();
        List<Long> unknownUser = new ArrayList<>();
        // A fresh username each time: the fifth failure for one name would start the throttle,
        // whose refusals cost no hashing at all.
        for (int i = 0; i < 5; i++) {
            String username = app.newUser("timing");
            wrongPassword.add(timed(() -> login(username, "not the password")));
            unknownUser.add(timed(() -> login(username + "-ghost", "not the password")));
        }

        double ratio = (double) median(unknownUser) / median(wrongPassword);

        // Without the equivalent hashing work an unknown user answers in a few milliseconds,
        // more than ten times faster than a wrong password (a full Argon2id computation).
        assertThat(ratio).isBetween(0.5, 2.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\\ud800\\ud800abcdefgh", "\\udfff\\udbffabcdefgh"})
    void login_withPasswordThatHasNoUtf8Form_neverMatchesThePasswordItWouldBecome(String escapedPassword) {
        String username = TestApp.uniqueUsername("question");
        Invoke.invoke(app.register, ApiEvent.load("register.json")
                .body(body(Map.of("username", username, "password", "??abcdefgh"))), null);

        assertUnauthorized(Invoke.invoke(handler, ApiEvent.load("login.json")
                .body("{\"username\":\"" + username + "\",\"password\":\"" + escapedPassword + "\"}"), null));
        assertThat(login(username, "??abcdefgh").getStatusCode()).isEqualTo(200);
    }

    @Test
    void login_withAUsernameNoAccountCanHave_isAnOrdinaryFailedLogin() {
        assertUnauthorized(login("nul\u0000inside", "whatever password"));
        assertUnauthorized(login("has space", "whatever password"));
        assertUnauthorized(login("x".repeat(81), "whatever password"));
    }

    @Test
    void login_withMissingOrWronglyTypedMembers_returns400() {
        assertThat(Invoke.invoke(handler, ApiEvent.load("login.json").body("{}"), null).getStatusCode())
                .isEqualTo(400);
        assertThat(Invoke.invoke(handler, ApiEvent.load("login.json")
                .body("{\"username\": \"alice\", \"password\": 12345678}"), null).getStatusCode())
                .isEqualTo(400);
        assertThat(Invoke.invoke(handler, ApiEvent.load("login.json").body("{"), null).getStatusCode())
                .isEqualTo(400);
    }

    @Test
    void logout_revokesTheToken_andOnlyThatToken() {
        String username = app.newUser("logout");
        String kept = app.logIn(username);
        String revoked = app.logIn(username);

        APIGatewayV2HTTPResponse response = logout(ApiEvent.load("logout.json").bearer(revoked));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertThat(response.getBody()).isNull();
        assertUnauthorized(listNotes(revoked));
        assertThat(listNotes(kept).getStatusCode()).isEqualTo(200);
    }

    @Test
    void logoutEverywhere_revokesEveryTokenOfTheUser_andNoOtherUsers() {
        String username = app.newUser("everywhere");
        String first = app.logIn(username);
        String second = app.logIn(username);
        String someoneElse = app.signedInUser("bystander");

        APIGatewayV2HTTPResponse response = logout(ApiEvent.load("logout-everywhere.json").bearer(first));

        assertThat(response.getStatusCode()).isEqualTo(204);
        assertUnauthorized(listNotes(first));
        assertUnauthorized(listNotes(second));
        assertThat(listNotes(someoneElse).getStatusCode()).isEqualTo(200);
    }

    @Test
    void logoutEverywhere_withAnInvalidValue_returns400AndRevokesNothing() {
        String token = app.signedInUser("everywhere-bad");

        APIGatewayV2HTTPResponse response = logout(ApiEvent.load("logout-everywhere.json").bearer(token)
                .query(Map.of("everywhere", "yes")));

        assertProblem(response, 400);
        assertThat(json(response).get("errors").get(0).get("parameter").asText()).isEqualTo("everywhere");
        assertThat(listNotes(token).getStatusCode()).isEqualTo(200);
    }

    @Test
    void logoutEverywhere_withAnInvalidValue_andARevokedToken_returns401_beforeSayingAnythingOfTheValue() {
        String token = app.signedInUser("everywhere-revoked");
        assertThat(logout(ApiEvent.load("logout.json").bearer(token)).getStatusCode()).isEqualTo(204);

        APIGatewayV2HTTPResponse response = logout(ApiEvent.load("logout-everywhere.json").bearer(token)
                .query(Map.of("everywhere", "bogus")));

        assertUnauthorized(response);
    }

    @Test
    void logoutEverywhere_withoutAValidToken_returns401() {
        assertUnauthorized(logout(ApiEvent.load("logout-everywhere.json").bearer("A".repeat(43))));
    }

    @Test
    void logout_twiceWithOneToken_isRejectedTheSecondTime() {
        String token = app.signedInUser("logout2");
        assertThat(logout(ApiEvent.load("logout.json").bearer(token)).getStatusCode()).isEqualTo(204);

        assertUnauthorized(logout(ApiEvent.load("logout.json").bearer(token)));
    }

    @Test
    void logout_withoutToken_returns401WithChallenge() {
        APIGatewayV2HTTPResponse response = logout(ApiEvent.load("logout.json").withoutHeader("authorization"));

        assertUnauthorized(response);
        assertThat(response.getHeaders().get("WWW-Authenticate")).doesNotContain("invalid_token");
    }

    @Test
    void logout_withOtherAuthorizationSchemes_returns401() {
        assertUnauthorized(logout(ApiEvent.load("logout.json").header("authorization", "Basic YWxpY2U6c2VjcmV0")));
        assertUnauthorized(logout(ApiEvent.load("logout.json").header("authorization", "Bearer")));
    }

    @Test
    void tamperedToken_isRejected() {
        String token = app.signedInUser("tamper");
        char last = token.charAt(token.length() - 1);
        String tampered = token.substring(0, token.length() - 1) + (last == 'A' ? 'B' : 'A');

        APIGatewayV2HTTPResponse response = listNotes(tampered);

        assertUnauthorized(response);
        assertThat(response.getHeaders().get("WWW-Authenticate")).contains("invalid_token");
        assertUnauthorized(listNotes(token + "x"));
        assertUnauthorized(listNotes("' OR 1=1 --"));
    }

    @Test
    void expiredToken_isRejected() {
        try (TestApp shortLived = new TestApp(TestApp.sharedDatabase(), Duration.ofMinutes(5))) {
            String token = shortLived.signedInUser("expiry");
            assertThat(Invoke.invoke(shortLived.notes, ApiEvent.load("notes-list.json").bearer(token), null)
                    .getStatusCode()).isEqualTo(200);

            shortLived.clock.advance(Duration.ofMinutes(5).plusSeconds(1));

            assertUnauthorized(Invoke.invoke(shortLived.notes, ApiEvent.load("notes-list.json").bearer(token), null));
            assertUnauthorized(Invoke.invoke(new LoginHandler(shortLived.session),
                    ApiEvent.load("logout.json").bearer(token), null));
        }
    }

    private static long timed(Runnable action) {
        long start = System.nanoTime();
        action.run();
        return System.nanoTime() - start;
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
