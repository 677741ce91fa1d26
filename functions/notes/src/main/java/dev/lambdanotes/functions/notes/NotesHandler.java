package dev.lambdanotes.functions.notes;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.lambdanotes.api.NotesRoutes;

/** Lambda entry point for /notes and /notes/{id}: a signed-in user's private notes. */
public final class NotesHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {
    private final NotesRoutes routes;

    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public NotesHandler() {
        this(DaggerNotesComponent.create().routes());
    }

    /** For tests: the routes wired by hand. */
    public NotesHandler(NotesRoutes routes) {
        this.routes = routes;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        return routes.handle(event, context);
    }
}
