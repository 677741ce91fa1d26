package dev.lambdanotes.functions.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.fuzz.ApiFunction;
import dev.lambdanotes.testing.fuzz.Body;
import dev.lambdanotes.testing.fuzz.Edit;
import dev.lambdanotes.testing.fuzz.FuzzRequest;
import dev.lambdanotes.testing.fuzz.FuzzTries;
import dev.lambdanotes.testing.fuzz.FuzzedApp;
import dev.lambdanotes.testing.fuzz.HostileRequests;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.statistics.Statistics;

/**
 * Hostile logins and logouts against LoginHandler. All properties share one application over a
 * database of its own; every answer is checked by the fuzz oracle (no 5xx, errors as problem+json
 * that reveal nothing, a 200 only for exactly a registered password), and after each property the
 * access tokens in the database must be exactly those issued and not revoked. The smaller property
 * pins a defect the fuzz property found.
 */
class LoginFuzzTest {
    private static FuzzedApp fuzz;
    private static LoginHandler handler;

    @BeforeContainer
    static void start() {
        fuzz = FuzzedApp.start();
        handler = new LoginHandler(fuzz.app.session);
    }

    @AfterContainer
    static void stop() {
        fuzz.close();
    }

    @AfterProperty
    void databaseHoldsOnlyAcknowledgedTokens() {
        fuzz.assertDatabaseHoldsOnlyWhatWasAcknowledged();
    }

    @Property
    @FuzzTries
    void hostileLoginsAndLogouts_areAnsweredWithoutServerErrorsOrLeaks(@ForAll("sessions") FuzzRequest request) {
        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.LOGIN, handler, request);
        Statistics.label("status").collect(request.sample() + " " + response.getStatusCode());
    }

    @Provide
    Arbitrary<FuzzRequest> sessions() {
        return HostileRequests.sessions();
    }

    /**
     * Found by the fuzz property: an unpaired surrogate where the registered password has a '?'
     * logged in, as a JSON escape (the password hasher encodes it as '?') and as a raw character of
     * the body (which was encoded to UTF-8 the same way before parsing).
     */
    @Property(tries = 50)
    void passwordWithUnpairedSurrogateInPlaceOfQuestionMark_doesNotLogIn(@ForAll("surrogates") char surrogate,
                                                                         @ForAll boolean escaped) {
        String password = FuzzedApp.PASSWORD.replace('?', surrogate);

        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.LOGIN, handler, FuzzRequest.of("login.json",
                new Edit.SetBody(Body.text(HostileRequests.jsonObject("username", FuzzedApp.USERNAME, "password",
                        password, escaped)))));

        // After five such failures the account's throttle answers 429: refused all the same.
        assertThat(response.getStatusCode()).as(response.getBody()).isIn(400, 401, 429);
    }

    @Provide
    Arbitrary<Character> surrogates() {
        return Arbitraries.chars().range('\uD800', '\uDFFF');
    }
}
