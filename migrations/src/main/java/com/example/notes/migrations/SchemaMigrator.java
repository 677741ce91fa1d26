package com.example.notes.migrations;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the schema of this release with the Flyway migrations in db/migration.
 * The deploy-time migration function, the local runner and the tests all migrate through here.
 */
public final class SchemaMigrator {
    public static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;

    public SchemaMigrator(DataSource dataSource) {
        this(dataSource, LOCATION);
    }

    /** With other migration locations; tests use this to try migrations that must fail. */
    public SchemaMigrator(DataSource dataSource, String... locations) {
        this.flyway = Flyway.configure()
                .dataSource(dataSource)
                .locations(locations)
                .failOnMissingLocations(true)
                .validateMigrationNaming(true)
                .cleanDisabled(true)
                // Each migration runs in its own transaction: PostgreSQL DDL is transactional, so a
                // failing migration leaves the schema as it was.
                .mixed(false)
                .group(false)
                .load();
    }

    /** What a migration run did. */
    public record Summary(String versionBefore, String versionAfter, List<String> applied) {
    }

    public Summary migrate() {
        MigrateResult result = flyway.migrate();
        List<String> applied = result.migrations == null ? List.of()
                : result.migrations.stream().map(m -> m.version + " " + m.description).toList();
        String after = result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion;
        return new Summary(result.initialSchemaVersion, after, applied);
    }
}
