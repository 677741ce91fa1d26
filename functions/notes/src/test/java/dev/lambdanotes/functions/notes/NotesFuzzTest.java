package dev.lambdanotes.functions.notes;

import static dev.lambdanotes.testing.app.ProblemAssertions.assertProblem;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.testing.fuzz.ApiFunction;
import dev.lambdanotes.testing.fuzz.Body;
import dev.lambdanotes.testing.fuzz.Edit;
import dev.lambdanotes.testing.fuzz.FuzzRequest;
import dev.lambdanotes.testing.fuzz.FuzzTries;
import dev.lambdanotes.testing.fuzz.FuzzedApp;
import dev.lambdanotes.testing.fuzz.HostileRequests;
import dev.lambdanotes.testing.fuzz.World.TokenRef;
import java.nio.charset.Charset;
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
 * Hostile requests against NotesHandler, every route. All properties share one application over a
 * database of its own; every answer is checked by the fuzz oracle (no 5xx, errors as problem+json
 * that reveal nothing, a 2xx only for a valid request, answered with what was sent), and after each
 * property the notes table must hold exactly the notes acknowledged, each with its last
 * acknowledged title, body and version. The smaller properties pin defects the fuzz property found.
 */
class NotesFuzzTest {
    private static FuzzedApp fuzz;
    private static NotesHandler handler;

    @BeforeContainer
    static void start() {
        fuzz = FuzzedApp.start();
        handler = new NotesHandler(fuzz.app.notes);
    }

    @AfterContainer
    static void stop() {
        fuzz.close();
    }

    @AfterProperty
    void databaseHoldsOnlyAcknowledgedNotes() {
        fuzz.assertDatabaseHoldsOnlyWhatWasAcknowledged();
    }

    @Property
    @FuzzTries
    void hostileNoteRequests_areAnsweredWithoutServerErrorsOrLeaks(@ForAll("noteRequests") FuzzRequest request) {
        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.NOTES, handler, request);
        Statistics.label("status").collect(request.sample() + " " + response.getStatusCode());
    }

    @Provide
    Arbitrary<FuzzRequest> noteRequests() {
        return HostileRequests.notes();
    }

    /**
     * Found by the fuzz property: a body sent as a string (isBase64Encoded false) with an unpaired
     * surrogate in it was encoded to UTF-8 with '?' in its place, and the note stored with the '?'.
     */
    @Property(tries = 50)
    void rawBodyWithUnpairedSurrogate_isRefused(@ForAll("titlesWithUnpairedSurrogate") String title) {
        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.NOTES, handler, FuzzRequest.of("notes-create.json",
                new Edit.Authorization("Bearer %s", TokenRef.OWN, 0),
                new Edit.SetBody(Body.text(HostileRequests.jsonObject("title", title, "body", "", false)))));

        assertProblem(response, 400);
    }

    /** Found by the fuzz property: a body in UTF-16 or UTF-32 was detected as such by the JSON parser and accepted. */
    @Property(tries = 50)
    void bodyInAnotherEncodingThanUtf8_isRefused(@ForAll("unicodeEncodings") String encoding,
                                                 @ForAll("titles") String title) {
        byte[] body = HostileRequests.jsonObject("title", title, "body", "", false).getBytes(Charset.forName(encoding));

        APIGatewayV2HTTPResponse response = fuzz.send(ApiFunction.NOTES, handler, FuzzRequest.of("notes-create.json",
                new Edit.Authorization("Bearer %s", TokenRef.OWN, 0), new Edit.SetBody(Body.base64(body))));

        assertProblem(response, 400);
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> titlesWithUnpairedSurrogate() {
        return HostileRequests.withUnpairedSurrogate(titles());
    }

    @Provide
    Arbitrary<String> unicodeEncodings() {
        return Arbitraries.of("UTF-16", "UTF-16BE", "UTF-16LE", "UTF-32", "UTF-32BE", "UTF-32LE");
    }
}
