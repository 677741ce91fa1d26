package dev.lambdanotes.functions.register;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.app.TestApp;
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
 * Hostile requests against RegisterHandler. All properties share one application over a database
 * of its own; every answer is checked by the fuzz oracle (no 5xx, errors as problem+json that
 * reveal nothing, a 2xx only for a valid request), and after each property the users table must
 * hold exactly the accounts acknowledged with 201. The smaller properties pin defects the fuzz
 * property found.
 */
class RegisterFuzzTest {
    private static FuzzedApp fuzz;
    private static RegisterHandler handler;

    @BeforeContainer
    static void start() {
        fuzz = FuzzedApp.start();
        handler = new RegisterHandler(fuzz.app.register);
    }

    @AfterContainer
    static void stop() {
        fuzz.close();
    }

    @AfterProperty
    void databaseHoldsOnlyAcknowledgedAccounts() {
        fuzz.assertDatabaseHoldsOnlyWhatWasAcknowledged();
    }

    @Property
    @FuzzTries
    void hostileRegistrations_areAnsweredWithoutServerErrorsOrLeaks(@ForAll("registrations") FuzzRequest request) {
        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.REGISTER, handler, request);
        Statistics.label("status").collect(response.getStatusCode());
    }

    @Provide
    Arbitrary<FuzzRequest> registrations() {
        return HostileRequests.register();
    }

    /**
     * Found by the fuzz property: a Content-Type of only ';' made JsonBodies.checkContentType fail
     * with a 500. A media type that does not parse is a 400 (one that parses but is not JSON, 415).
     */
    @Property(tries = 50)
    void contentTypeOfOnlySemicolons_isAMalformedRequest(@ForAll("semicolons") String contentType) {
        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.REGISTER, handler, FuzzRequest.of("register.json",
                new Edit.Header("content-type", contentType),
                new Edit.SetBody(Body.text(HostileRequests.jsonObject("username", TestApp.uniqueUsername("type"),
                        "password", FuzzedApp.PASSWORD, false)))));

        assertProblem(response, 400);
    }

    /**
     * Found by the fuzz property: a password with an unpaired surrogate (sent as a JSON escape) was
     * registered, though it has no UTF-8 form and is hashed as if the surrogate were '?'.
     */
    @Property(tries = 50)
    void passwordWithUnpairedSurrogate_isRefusedAsInvalid(@ForAll("passwordsWithUnpairedSurrogate") String password) {
        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.REGISTER, handler, FuzzRequest.of("register.json",
                new Edit.SetBody(Body.text(HostileRequests.jsonObject("username", TestApp.uniqueUsername("surrogate"),
                        "password", password, true)))));

        assertProblem(response, 400);
    }

    @Provide
    Arbitrary<String> semicolons() {
        return Arbitraries.strings().withChars(';').ofMinLength(1).ofMaxLength(8);
    }

    @Provide
    Arbitrary<String> passwordsWithUnpairedSurrogate() {
        return HostileRequests.withUnpairedSurrogate(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(8)
                .ofMaxLength(20));
    }
}
