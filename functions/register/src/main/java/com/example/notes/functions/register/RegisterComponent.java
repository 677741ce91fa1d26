package com.example.notes.functions.register;

import com.example.notes.api.RegisterRoutes;
import com.example.notes.wiring.ConfigModule;
import com.example.notes.wiring.ObservabilityModule;
import com.example.notes.wiring.PersistenceModule;
import com.example.notes.wiring.SecurityModule;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the register function, generated at compile time. */
@Singleton
@Component(modules = {ConfigModule.class, PersistenceModule.class, SecurityModule.class, ObservabilityModule.class})
interface RegisterComponent {
    RegisterRoutes routes();
}
