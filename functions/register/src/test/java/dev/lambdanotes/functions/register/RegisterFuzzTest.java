package dev.lambdanotes.functions.register;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.fuzz.ApiFunction;
import dev.lambdanotes.testing.fuzz.FuzzRequest;
import dev.lambdanotes.testing.fuzz.FuzzTries;
import dev.lambdanotes.testing.fuzz.FuzzedApp;
import dev.lambdanotes.testing.fuzz.HostileRequests;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.statistics.Statistics;

/** Hostile requests against RegisterHandler: see {@link dev.lambdanotes.testing.fuzz.ApiOracle} for what each answer must be. */
class RegisterFuzzTest {
    private FuzzedApp fuzz;
    private RegisterHandler handler;

    @BeforeProperty
    void start() {
        fuzz = FuzzedApp.start();
        handler = new RegisterHandler(fuzz.app.register);
    }

    @AfterProperty
    void databaseHoldsOnlyAcknowledgedAccounts() {
        try {
            fuzz.assertDatabaseHoldsOnlyWhatWasAcknowledged();
        } finally {
            fuzz.close();
        }
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
}
