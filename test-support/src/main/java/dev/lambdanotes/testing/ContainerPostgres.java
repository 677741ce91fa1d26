package dev.lambdanotes.testing;

import java.sql.SQLException;
import org.testcontainers.postgresql.PostgreSQLContainer;

/** PostgreSQL 17 in a container, where a Docker engine is available. */
final class ContainerPostgres extends TestPostgres {
    private final PostgreSQLContainer container;

    ContainerPostgres() {
        container = new PostgreSQLContainer("postgres:17-alpine")
                .withCommand("postgres", "-c", "max_connections=200", "-c", "fsync=off");
        container.start();
    }

    @Override
    public TestDatabase database(String name) {
        String url = "jdbc:postgresql://" + container.getHost() + ":" + container.getMappedPort(5432) + "/" + name;
        return new TestDatabase(url, container.getUsername(), container.getPassword());
    }

    @Override
    public void restart() {
        // Restarting the container would move its mapped port; ending every server process of the
        // other sessions is what clients see of a restart: their connections die.
        try (var connection = adminDatabase().dataSource().getConnection();
             var statement = connection.createStatement()) {
            statement.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    + "WHERE pid <> pg_backend_pid() AND backend_type = 'client backend'");
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the server's connections", e);
        }
    }

    @Override
    protected void stop() {
        container.stop();
    }
}
