package dev.lambdanotes.functions.register;

import dev.lambdanotes.api.Priming;
import dev.lambdanotes.api.RegisterRoutes;
import dev.lambdanotes.wiring.ConfigModule;
import dev.lambdanotes.wiring.ObservabilityModule;
import dev.lambdanotes.wiring.PersistenceModule;
import dev.lambdanotes.wiring.SecurityModule;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the register function, generated at compile time. */
@Singleton
@Component(modules = {ConfigModule.class, PersistenceModule.class, SecurityModule.class, ObservabilityModule.class})
interface RegisterComponent {
    RegisterRoutes routes();

    Priming priming();
}
