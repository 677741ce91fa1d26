package dev.lambdanotes.migrations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdanotes.persistence.HibernateBootstrap;
import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.UUID;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The migrations own the schema; these tests prove what they build and that the entities agree with it. */
class SchemaTest {
    private static TestDatabase database;

    @BeforeAll
    static void migrate() {
        database = TestPostgres.instance().createDatabase("schema");
        new SchemaMigrator(database.dataSource()).migrate();
    }

    private static SessionFactory validatingSessionFactory(DataSource dataSource) {
        return HibernateBootstrap.configuration(dataSource)
                .setProperty("hibernate.hbm2ddl.auto", "validate")
                .setProperty("hibernate.boot.allow_jdbc_metadata_access", "true")
                .buildSessionFactory();
    }

    @Test
    void entities_validateAgainstTheMigratedSchema() {
        try (SessionFactory sessions = validatingSessionFactory(database.dataSource())) {
            assertThat(sessions.getMetamodel().getEntities()).hasSize(HibernateBootstrap.ENTITIES.size());
        }
    }

    @Test
    void schemaValidation_failsWhenTheSchemaDriftsFromTheEntities() throws SQLException {
        TestDatabase drifted = TestPostgres.instance().createDatabase("drifted");
        new SchemaMigrator(drifted.dataSource()).migrate();
        execute(drifted.dataSource(), "ALTER TABLE notes DROP COLUMN version");

        assertThatThrownBy(() -> validatingSessionFactory(drifted.dataSource()).close())
                .hasStackTraceContaining("version");
    }

    @Test
    void migrate_onAnUpToDateDatabase_appliesNothing() {
        SchemaMigrator.Summary again = new SchemaMigrator(database.dataSource()).migrate();

        assertThat(again.applied()).isEmpty();
        assertThat(again.versionAfter()).isEqualTo(again.versionBefore()).isNotNull();
    }

    @Test
    void migrate_onAnEmptyDatabase_reportsEveryMigrationApplied() {
        TestDatabase empty = TestPostgres.instance().createDatabase("empty");

        SchemaMigrator.Summary summary = new SchemaMigrator(empty.dataSource()).migrate();

        assertThat(summary.versionBefore()).isNull();
        assertThat(summary.versionAfter()).isEqualTo(MigrationFiles.latestVersion());
        assertThat(summary.applied()).containsExactlyElementsOf(MigrationFiles.described());
    }

    @Test
    void usernames_areUniqueRegardlessOfCase() throws SQLException {
        insertUser(UUID.randomUUID(), "Case-Test");

        assertThatThrownBy(() -> insertUser(UUID.randomUUID(), "case-TEST"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("users_username_lower_key");
    }

    @Test
    void updatedAt_isMovedForwardByTheDatabaseOnEveryUpdate() throws SQLException {
        UUID user = UUID.randomUUID();
        insertUser(user, "trigger-" + user.toString().substring(0, 8));
        UUID note = UUID.randomUUID();
        execute(database.dataSource(), "INSERT INTO notes (id, owner_id, title, body) VALUES ('" + note + "', '"
                + user + "', 't', 'b')");
        Timestamp created = timestamp("SELECT updated_at FROM notes WHERE id = '" + note + "'");

        execute(database.dataSource(), "UPDATE notes SET title = 'changed' WHERE id = '" + note + "'");
        Timestamp first = timestamp("SELECT updated_at FROM notes WHERE id = '" + note + "'");
        execute(database.dataSource(), "UPDATE notes SET updated_at = '2000-01-01' WHERE id = '" + note + "'");
        Timestamp second = timestamp("SELECT updated_at FROM notes WHERE id = '" + note + "'");

        assertThat(first).isAfter(created);
        assertThat(second).isAfter(first);
    }

    @Test
    void deletingAUser_deletesTheirNotesAndTokens() throws SQLException {
        UUID user = UUID.randomUUID();
        insertUser(user, "cascade-" + user.toString().substring(0, 8));
        execute(database.dataSource(), "INSERT INTO notes (id, owner_id, title) VALUES (gen_random_uuid(), '" + user + "', 't')");
        execute(database.dataSource(), "INSERT INTO access_tokens (token_hash, user_id, expires_at) VALUES "
                + "(sha256('x" + user + "'), '" + user + "', now() + interval '1 hour')");

        execute(database.dataSource(), "DELETE FROM users WHERE id = '" + user + "'");

        assertThat(count("SELECT count(*) FROM notes WHERE owner_id = '" + user + "'")).isZero();
        assertThat(count("SELECT count(*) FROM access_tokens WHERE user_id = '" + user + "'")).isZero();
    }

    @Test
    void noteRules_areEnforcedByTheDatabaseToo() throws SQLException {
        UUID user = UUID.randomUUID();
        insertUser(user, "rules-" + user.toString().substring(0, 8));

        assertThatThrownBy(() -> execute(database.dataSource(),
                "INSERT INTO notes (id, owner_id, title) VALUES (gen_random_uuid(), '" + user + "', '')"))
                .hasMessageContaining("notes_title_length");
        assertThatThrownBy(() -> execute(database.dataSource(),
                "INSERT INTO notes (id, owner_id, title, body) VALUES (gen_random_uuid(), '" + user
                        + "', 't', repeat('x', 100001))"))
                .hasMessageContaining("notes_body_length");
        assertThatThrownBy(() -> execute(database.dataSource(),
                "INSERT INTO notes (id, owner_id, title) VALUES (gen_random_uuid(), '" + user + "', repeat('x', 201))"))
                .hasMessageContaining("too long");
    }

    private void insertUser(UUID id, String username) throws SQLException {
        execute(database.dataSource(), "INSERT INTO users (id, username, password_hash) VALUES ('" + id + "', '"
                + username + "', 'not-a-real-hash')");
    }

    private static void execute(DataSource dataSource, String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Timestamp timestamp(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getTimestamp(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement();
             var rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
