package dev.lambdanotes.local;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;

/** The database the local functions use: an embedded PostgreSQL 17 keeping its data in a folder, or one you name. */
final class LocalDatabase implements AutoCloseable {
    static final String DATABASE = "notes";

    private final EmbeddedPostgres embedded;
    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final String description;

    private LocalDatabase(EmbeddedPostgres embedded, String jdbcUrl, String user, String password, String description) {
        this.embedded = embedded;
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.description = description;
    }

    static LocalDatabase external(String jdbcUrl, String user, String password) {
        return new LocalDatabase(null, jdbcUrl, user, password, jdbcUrl);
    }

    /** Starts PostgreSQL 17 on the port, with its data in the folder (kept across restarts unless fresh). */
    static LocalDatabase embedded(Path dataDirectory, int port, boolean fresh) throws IOException, SQLException {
        if (fresh && Files.exists(dataDirectory)) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                .start();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (!exists.next()) {
                    statement.execute("CREATE DATABASE " + DATABASE);
                }
            }
        }
        return new LocalDatabase(postgres, "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, "postgres", "postgres",
                "embedded PostgreSQL 17 on port " + port + ", data in " + dataDirectory);
    }

    String jdbcUrl() {
        return jdbcUrl;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    String description() {
        return description;
    }

    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
        }
    }
}
