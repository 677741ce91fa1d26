package dev.lambdanotes.migrations;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.observability.LogSetup;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import javax.sql.DataSource;

/** The migration function's own objects; the connection pool comes from the shared PersistenceModule. */
@Module
final class MigrateModule {
    private MigrateModule() {
    }

    @Provides
    @Singleton
    static SchemaMigrator schemaMigrator(DataSource dataSource) {
        return new SchemaMigrator(dataSource);
    }

    /** The migrator (and its pool) is built on first use: a Delete never connects to the database. */
    @Provides
    @Singleton
    static SchemaMigration schemaMigration(AppConfig config, Lazy<SchemaMigrator> migrator) {
        LogSetup.installJsonLogging(config.functionName(), System.out);
        return new SchemaMigration(migrator::get, new CustomResourceResponder());
    }
}
