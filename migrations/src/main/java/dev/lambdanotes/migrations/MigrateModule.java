package dev.lambdanotes.migrations;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.config.SecretSource;
import dev.lambdanotes.observability.LogSetup;
import dev.lambdanotes.persistence.DataSources;
import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import javax.sql.DataSource;

/**
 * The migration function's objects. Its connection pool is the API functions' (DataSources), but
 * not their PersistenceModule: the migration needs no Hibernate, and its artifact holds none.
 */
@Module
final class MigrateModule {
    private MigrateModule() {
    }

    @Provides
    @Singleton
    static DataSource dataSource(AppConfig config, SecretSource secrets) {
        return DataSources.create(config, config.functionName(), () -> config.currentLogin(secrets));
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
