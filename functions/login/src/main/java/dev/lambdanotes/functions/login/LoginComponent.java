package dev.lambdanotes.functions.login;

import dev.lambdanotes.api.Priming;
import dev.lambdanotes.api.SessionRoutes;
import dev.lambdanotes.wiring.ConfigModule;
import dev.lambdanotes.wiring.ObservabilityModule;
import dev.lambdanotes.wiring.PersistenceModule;
import dev.lambdanotes.wiring.SecurityModule;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the login function, generated at compile time. */
@Singleton
@Component(modules = {ConfigModule.class, PersistenceModule.class, SecurityModule.class, ObservabilityModule.class})
interface LoginComponent {
    SessionRoutes routes();

    Priming priming();
}
