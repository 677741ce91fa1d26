package com.example.notes.functions.login;

import com.example.notes.api.SessionRoutes;
import com.example.notes.wiring.ConfigModule;
import com.example.notes.wiring.ObservabilityModule;
import com.example.notes.wiring.PersistenceModule;
import com.example.notes.wiring.SecurityModule;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the login function, generated at compile time. */
@Singleton
@Component(modules = {ConfigModule.class, PersistenceModule.class, SecurityModule.class, ObservabilityModule.class})
interface LoginComponent {
    SessionRoutes routes();
}
