package dev.lambdanotes.testing.app;

import dev.lambdanotes.testing.ApiEvent;
import dev.lambdanotes.testing.Invoke;
import dev.lambdanotes.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every row of every table of a database, each row in PostgreSQL's own text form (every column,
 * timestamps to the microsecond, bytea in hex), sorted: two snapshots are equal exactly when the
 * database holds the same data.
 */
public final class DatabaseContents {
    private DatabaseContents() {
    }

    public static Map<String, List<String>> of(TestDatabase database) {
        Map<String, List<String>> tables = new TreeMap<>();
        try (Connection connection = database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            List<String> names = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("""
                    select quote_ident(table_schema) || '.' || quote_ident(table_name) from information_schema.tables
                    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')""")) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
            for (String name : names) {
                List<String> contents = new ArrayList<>();
                try (ResultSet rows = statement.executeQuery("select t::text from " + name + " t order by 1")) {
                    while (rows.next()) {
                        contents.add(rows.getString(1));
                    }
                }
                tables.put(name, contents);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the database's contents", e);
        }
        return tables;
    }

    /**
     * Adds rows of every kind to the application's database: a user with notes and a valid token,
     * throttle counters of a registration and of a failed login, and an expired token and an
     * expired counter, which any committed clean-up of expired rows would delete.
     */
    public static void addRowsOfEveryKind(TestApp app) {
        String username = app.newUser("existing");
        String token = app.logIn(username);
        app.createNote(token, "An existing note", "that priming must leave alone");
        app.createNote(token, "Another existing note", "priming snapshot words, so a priming search could find it");
        Invoke.invoke(app.session, ApiEvent.load("login.json")
                .body(TestApp.body(Map.of("username", username, "password", "wrong password"))), null);
        try (Connection connection = app.database.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.executeUpdate("insert into access_tokens (token_hash, user_id, expires_at)"
                    + " select sha256(convert_to(gen_random_uuid()::text, 'UTF8')), id, now() - interval '1 day'"
                    + " from users where username = '" + username + "'");
            statement.executeUpdate("insert into attempt_counters (key_hash, attempts, last_attempt_at, expires_at)"
                    + " values (sha256(convert_to(gen_random_uuid()::text, 'UTF8')), 3,"
                    + " now() - interval '2 days', now() - interval '1 day')");
        } catch (SQLException e) {
            throw new IllegalStateException("could not add expired rows", e);
        }
    }
}
