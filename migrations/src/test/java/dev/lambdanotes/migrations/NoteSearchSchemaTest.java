package dev.lambdanotes.migrations;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.testing.TestDatabase;
import dev.lambdanotes.testing.TestPostgres;
import java.lang.reflect.Field;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** The search migration (V3) on a database that already holds notes, and the plan of the search query. */
class NoteSearchSchemaTest {
    private static final UUID OWNER = UUID.randomUUID();

    @Test
    void notesStoredBeforeTheSearchMigration_areFoundByItsIndex() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("search_upgrade");
        Flyway.configure().dataSource(database.dataSource()).locations(SchemaMigrator.LOCATION).target("2").load().migrate();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username, password_hash) VALUES ('" + OWNER + "', 'before_v3', 'x')");
            statement.execute("INSERT INTO notes (id, owner_id, title, body) VALUES ('" + UUID.randomUUID() + "', '" + OWNER
                    + "', 'Old groceries', 'written before search existed')");
        }

        new SchemaMigrator(database.dataSource()).migrate();

        assertThat(search(database, "groceries", "")).containsExactly("Old groceries");
        assertThat(search(database, "", "exist:*")).containsExactly("Old groceries");
    }

    @Test
    void theSearchQuery_usesTheGinIndex_onTenThousandNotes() throws Exception {
        TestDatabase database = TestPostgres.instance().createDatabase("search_plan");
        new SchemaMigrator(database.dataSource()).migrate();
        try (Connection connection = database.dataSource().getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO users (id, username, password_hash) VALUES ('" + OWNER + "', 'ten_thousand', 'x')");
            statement.execute("INSERT INTO notes (id, owner_id, title, body, created_at) "
                    + "SELECT gen_random_uuid(), '" + OWNER + "', 'Note ' || i, "
                    + "CASE WHEN i % 2000 = 0 THEN 'the rare zanzibar word' ELSE 'ordinary text number ' || i END, "
                    + "now() - i * interval '1 minute' FROM generate_series(1, 10000) AS i");
            statement.execute("ANALYZE notes");
        }

        String plan = explain(database, "zanzibar", "");

        assertThat(plan).contains("notes_search_idx");
        assertThat(search(database, "zanzibar", "")).hasSize(5);
    }

    /** The repository's own search statement, with its named parameters bound in order. */
    private static PreparedStatement prepare(Connection connection, String prefix, String words, String prefixTerm)
            throws Exception {
        String sql = repositorySearchSql();
        List<String> names = new ArrayList<>();
        Matcher parameter = Pattern.compile(":(\\w+)").matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (parameter.find()) {
            names.add(parameter.group(1));
            parameter.appendReplacement(jdbc, "?");
        }
        parameter.appendTail(jdbc);
        PreparedStatement statement = connection.prepareStatement(prefix + jdbc);
        for (int i = 0; i < names.size(); i++) {
            Object value = switch (names.get(i)) {
                case "owner" -> OWNER;
                case "words" -> words;
                case "prefix" -> prefixTerm;
                case "createdAt" -> Timestamp.from(Instant.parse("9999-12-31T23:59:59Z"));
                case "id" -> new UUID(-1L, -1L);
                case "limit" -> 21;
                default -> throw new IllegalStateException("unexpected parameter " + names.get(i));
            };
            statement.setObject(i + 1, value);
        }
        return statement;
    }

    private static List<String> search(TestDatabase database, String words, String prefixTerm) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = prepare(connection, "", words, prefixTerm);
             ResultSet rows = statement.executeQuery()) {
            List<String> titles = new ArrayList<>();
            while (rows.next()) {
                titles.add(rows.getString("title"));
            }
            return titles;
        }
    }

    private static String explain(TestDatabase database, String words, String prefixTerm) throws Exception {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement statement = prepare(connection, "EXPLAIN ", words, prefixTerm);
             ResultSet rows = statement.executeQuery()) {
            StringBuilder plan = new StringBuilder();
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
            return plan.toString();
        }
    }

    private static String repositorySearchSql() throws Exception {
        Class<?> repository = Class.forName("dev.lambdanotes.persistence.NoteRepository_");
        for (Field field : repository.getDeclaredFields()) {
            if (field.getType() == String.class && java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                String value = (String) field.get(null);
                if (value.contains("websearch_to_tsquery")) {
                    return value;
                }
            }
        }
        throw new SQLException("NoteRepository_ has no search statement");
    }
}
