package dev.lambdanotes.migrations;

import dev.lambdanotes.wiring.ConfigModule;
import dagger.Component;
import javax.inject.Singleton;

/** The object graph of the migration function, generated at compile time. */
@Singleton
@Component(modules = {ConfigModule.class, MigrateModule.class})
interface MigrateComponent {
    SchemaMigration migration();
}
