package com.example.notes.functions.notes;

import com.example.notes.api.NotesRoutes;
import com.example.notes.wiring.ConfigModule;
import com.example.notes.wiring.ObservabilityModule;
import com.example.notes.wiring.PersistenceModule;
import com.example.notes.wiring.SecurityModule;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the notes function, generated at compile time. */
@Singleton
@Component(modules = {ConfigModule.class, PersistenceModule.class, SecurityModule.class, ObservabilityModule.class})
interface NotesComponent {
    NotesRoutes routes();
}
