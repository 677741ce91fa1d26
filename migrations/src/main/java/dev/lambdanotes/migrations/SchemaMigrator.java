package dev.lambdanotes.migrations;

import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings a database to the schema of this release with the Flyway migrations in db/migration.
 * The deploy-time migration function, the local runner and the tests all migrate through here.
 */
public final class SchemaMigrator {
    public static final String LOCATION = "classpath:db/migration";

    private final Flyway flyway;
    private volatile boolean cancelled;

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
                .callbacks(new BaseCallback() {
                    @Override
                    public boolean supports(Event event, Context context) {
                        return event == Event.BEFORE_EACH_MIGRATE;
                    }

                    @Override
                    public void handle(Event event, Context context) {
                        if (cancelled) {
                            throw new FlywayException("the migration run was cancelled: it outlasted its deadline");
                        }
                    }
                })
                .load();
    }

    /** What a migration run did. */
    public record Summary(String versionBefore, String versionAfter, List<String> applied) {
    }

    /**
     * Stops the run before its next migration. A run abandoned at the function's deadline may be
     * resumed when Lambda thaws the instance; it must then not go on migrating after FAILED was
     * reported. (The migration in progress is bounded by the server's transaction timeout.)
     */
    public void cancel() {
        cancelled = true;
    }

    /**
     * Applies the pending migrations. The version after is the schema's, read once the run is over:
     * two runs at once take turns migration by migration (Flyway locks the history table for each),
     * so the last migration a run applied itself may not be the latest.
     */
    public Summary migrate() {
        MigrateResult result = flyway.migrate();
        List<String> applied = result.migrations == null ? List.of()
                : result.migrations.stream().map(m -> m.version + " " + m.description).toList();
        MigrationInfo current = flyway.info().current();
        String after = current == null || current.getVersion() == null ? null : current.getVersion().getVersion();
        return new Summary(result.initialSchemaVersion, after, applied);
    }
}
