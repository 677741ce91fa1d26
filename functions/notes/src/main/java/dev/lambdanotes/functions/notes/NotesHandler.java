package dev.lambdanotes.functions.notes;

import dev.lambdanotes.api.ApiFunction;
import dev.lambdanotes.api.NotesRoutes;

/** Lambda entry point for /notes and /notes/{id}: a signed-in user's private notes. */
public final class NotesHandler extends ApiFunction {
    /** Lambda's constructor: the object graph is built once per instance, in the init phase. */
    public NotesHandler() {
        this(DaggerNotesComponent.create());
    }

    private NotesHandler(NotesComponent component) {
        super(component.routes(), component.priming());
    }

    /** For tests: the routes wired by hand. */
    public NotesHandler(NotesRoutes routes) {
        super(routes);
    }
}
