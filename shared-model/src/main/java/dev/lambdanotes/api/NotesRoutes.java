package dev.lambdanotes.api;

import com.amazonaws.services.lambda.runtime.Context;
import dev.lambdanotes.application.AccessTokens;
import dev.lambdanotes.application.Caller;
import dev.lambdanotes.application.NotePage;
import dev.lambdanotes.application.MalformedCursor;
import dev.lambdanotes.application.NoteService;
import dev.lambdanotes.application.PageCursor;
import dev.lambdanotes.domain.FieldError;
import dev.lambdanotes.domain.InvalidInput;
import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.NoteContent;
import dev.lambdanotes.domain.NoteId;
import dev.lambdanotes.domain.NoteNotFound;
import dev.lambdanotes.domain.SearchText;
import dev.lambdanotes.domain.VersionPrecondition;
import dev.lambdanotes.http.ApiGatewayAdapter;
import dev.lambdanotes.http.ApiGatewayPayload;
import dev.lambdanotes.http.BearerToken;
import dev.lambdanotes.http.EntityTags;
import dev.lambdanotes.http.InvalidQueryParameters;
import dev.lambdanotes.http.HttpRequest;
import dev.lambdanotes.http.HttpResponse;
import dev.lambdanotes.http.JsonBodies;
import dev.lambdanotes.http.RequestFields;
import dev.lambdanotes.http.Router;
import dev.lambdanotes.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import java.util.UUID;
import dev.lambdanotes.observability.Telemetry;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Set;
import javax.inject.Inject;

/** The /notes and /notes/{id} routes: a signed-in user's private notes. */
public final class NotesRoutes implements Routes {
    /** The most a character of a title or body takes in the result: a control character, seven there (escaped twice). */
    private static final int MAX_RESULT_BYTES_PER_CHAR = 7;
    /** The rest of a note's representation in the result, at most: id, timestamps, member names, quotes. */
    private static final int RESULT_BYTES_PER_NOTE = 256;
    /** The listing's own members around the notes, at most: the items array and the next cursor. */
    private static final int RESULT_BYTES_OUTSIDE_NOTES = 512;

    private final AccessTokens tokens;
    private final NoteService notes;
    private final Telemetry telemetry;
    private final ApiGatewayAdapter adapter;

    @Inject
    public NotesRoutes(AccessTokens tokens, NoteService notes, Telemetry telemetry) {
        this.tokens = tokens;
        this.notes = notes;
        this.telemetry = telemetry;
        this.adapter = new ApiGatewayAdapter(new Router()
                .route("GET", "/notes", this::list)
                .route("POST", "/notes", this::create)
                .route("GET", "/notes/{id}", this::get)
                .route("PUT", "/notes/{id}", this::update)
                .route("DELETE", "/notes/{id}", this::delete), telemetry);
    }

    @Override
    public void handleRequest(InputStream event, OutputStream response, Context context) throws IOException {
        adapter.handle(event, response, context);
    }

    @Override
    public Set<String> routeKeys() {
        return adapter.routeKeys();
    }

    /**
     * Three notes created, listed and searched a page of two at a time (so a cursor is followed),
     * one read, updated with its ETag and then with the stale one, deleted, and no longer found.
     */
    @Override
    public void rehearse(Rehearsal rehearsal) {
        String token = rehearsal.signIn(rehearsal.registeredAccount());
        String id = null;
        for (int i = 1; i <= 3; i++) {
            id = rehearsal.request("POST /notes").bearer(token).json("title", "Priming " + i, "body", "before the snapshot")
                    .expect(201).member("id");
        }
        String cursor = rehearsal.request("GET /notes").bearer(token).query("limit", "2").expect(200).member("nextCursor");
        rehearsal.request("GET /notes").bearer(token).query("limit", "2").query("cursor", cursor).expect(200);
        String searchCursor = rehearsal.request("GET /notes").bearer(token).query("q", "priming snap").query("limit", "2")
                .expect(200).member("nextCursor");
        rehearsal.request("GET /notes").bearer(token).query("q", "priming snap").query("limit", "2")
                .query("cursor", searchCursor).expect(200);
        String etag = rehearsal.request("GET /notes/{id}").path("id", id).bearer(token).expect(200).header("ETag");
        rehearsal.request("PUT /notes/{id}").path("id", id).bearer(token).header("If-Match", etag)
                .json("title", "Primed", "body", "updated").expect(200);
        rehearsal.request("PUT /notes/{id}").path("id", id).bearer(token).header("If-Match", etag)
                .json("title", "Primed", "body", "stale").expect(412);
        rehearsal.request("DELETE /notes/{id}").path("id", id).bearer(token).expect(204);
        rehearsal.request("GET /notes/{id}").path("id", id).bearer(token).expect(404);
    }

    private HttpResponse list(HttpRequest request) {
        Caller caller = tokens.caller(BearerToken.from(request));
        int limit = limit(request.queryParameter("limit"));
        String cursor = request.queryParameter("cursor");
        Optional<PageCursor> after = cursor == null || cursor.isEmpty()
                ? Optional.empty() : Optional.of(cursor(cursor));
        String q = request.queryParameter("q");
        NotePage page;
        try {
            page = q == null || q.isBlank()
                    ? notes.list(caller, limit, after)
                    : notes.search(caller, searchText(q), limit, after);
        } catch (MalformedCursor e) {
            throw InvalidQueryParameters.of("cursor", "does not continue this listing or search; start again without it");
        }
        NotePage shown = withinResultLimit(page);
        ObjectNode json = JsonTrees.newObject();
        ArrayNode items = json.putArray("items");
        shown.items().forEach(note -> items.add(representation(note)));
        json.put("nextCursor", shown.next().map(PageCursor::encode).orElse(null));
        return HttpResponse.json(200, JsonTrees.write(json));
    }

    /**
     * The page, cut where its body would outgrow what Lambda lets a function return (20 notes of
     * 100,000 control characters, each written as six, make 12 MB); the next page starts
     * at the first note left out. A note takes at most {@link #MAX_RESULT_BYTES_PER_CHAR} bytes per
     * character of its title and body, so only a page that could come near the limit is measured.
     */
    private static NotePage withinResultLimit(NotePage page) {
        long bound = RESULT_BYTES_OUTSIDE_NOTES;
        for (Note note : page.items()) {
            bound += RESULT_BYTES_PER_NOTE + (long) MAX_RESULT_BYTES_PER_CHAR * (note.title().length() + note.body().length());
        }
        if (bound <= ApiGatewayPayload.MAX_BODY_IN_RESULT) {
            return page;
        }
        long length = RESULT_BYTES_OUTSIDE_NOTES;
        int kept = 0;
        for (Note note : page.items()) {
            long noteLength = ApiGatewayPayload.lengthInResult(JsonTrees.write(representation(note))) + 1;
            if (kept > 0 && length + noteLength > ApiGatewayPayload.MAX_BODY_IN_RESULT) {
                break;
            }
            length += noteLength;
            kept++;
        }
        return page.firstOf(kept);
    }

    private HttpResponse create(HttpRequest request) {
        Caller caller = tokens.caller(BearerToken.from(request));
        Note note = notes.create(caller, () -> content(request));
        telemetry.noteCreated();
        return withNote(201, note).withHeader("Location", "/notes/" + note.id());
    }

    private HttpResponse get(HttpRequest request) {
        Caller caller = tokens.caller(BearerToken.from(request));
        NoteId id = noteId(request);
        return withNote(200, notes.get(caller, id, EntityTags.ifMatch(request.header("If-Match"))));
    }

    private HttpResponse update(HttpRequest request) {
        Caller caller = tokens.caller(BearerToken.from(request));
        NoteId id = noteId(request);
        VersionPrecondition precondition = EntityTags.ifMatch(request.header("If-Match"));
        return withNote(200, notes.update(caller, id, () -> content(request), precondition));
    }

    private HttpResponse delete(HttpRequest request) {
        Caller caller = tokens.caller(BearerToken.from(request));
        NoteId id = noteId(request);
        notes.delete(caller, id, EntityTags.ifMatch(request.header("If-Match")));
        return HttpResponse.noContent();
    }

    private static NoteContent content(HttpRequest request) {
        RequestFields fields = JsonBodies.readObject(request);
        String title = fields.string("title");
        String body = fields.string("body");
        fields.requireValidTypes();
        return new NoteContent(title, body);
    }

    private static SearchText searchText(String q) {
        try {
            return SearchText.parse(q);
        } catch (InvalidInput e) {
            throw new InvalidQueryParameters(e.errors());
        }
    }

    private static PageCursor cursor(String value) {
        try {
            return PageCursor.decode(value);
        } catch (MalformedCursor e) {
            throw InvalidQueryParameters.of("cursor", "is not a cursor this API returned");
        }
    }

    private static int limit(String value) {
        if (value == null || value.isEmpty()) {
            return NoteService.DEFAULT_PAGE_SIZE;
        }
        // Digits 0 to 9 only: Integer.parseInt would also take a sign and digits of other scripts.
        if (value.length() <= 3 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int limit = Integer.parseInt(value);
            if (limit >= 1 && limit <= NoteService.MAX_PAGE_SIZE) {
                return limit;
            }
        }
        throw InvalidQueryParameters.of("limit", "must be a whole number from 1 to " + NoteService.MAX_PAGE_SIZE);
    }

    /** An id that is not a UUID names no note: 404, exactly as for an id that exists nowhere. */
    private static NoteId noteId(HttpRequest request) {
        String id = request.pathParameter("id");
        try {
            return NoteId.parse(id);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new NoteNotFound();
        }
    }

    private static HttpResponse withNote(int status, Note note) {
        return HttpResponse.json(status, JsonTrees.write(representation(note)))
                .withHeader("ETag", EntityTags.of(note.version()));
    }

    private static ObjectNode representation(Note note) {
        ObjectNode json = JsonTrees.newObject();
        json.put("id", note.id().toString());
        json.put("title", note.title());
        json.put("body", note.body());
        json.put("createdAt", note.createdAt().toString());
        json.put("updatedAt", note.updatedAt().toString());
        return json;
    }
}
