package dev.lambdanotes.testing;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;
import org.testcontainers.DockerClientFactory;

/**
 * The PostgreSQL 17 server the tests run against, one per test JVM. This is the one place that
 * decides where it comes from: a Testcontainers container when a Docker engine answers, and
 * otherwise an embedded server whose binaries come from Maven Central. Tests do not care which.
 */
public abstract class TestPostgres {
    private static final Logger LOG = Logger.getLogger(TestPostgres.class.getName());
    private static TestPostgres instance;
    private final AtomicInteger databases = new AtomicInteger();

    public static synchronized TestPostgres instance() {
        if (instance == null) {
            instance = start();
            Runtime.getRuntime().addShutdownHook(new Thread(instance::stop, "test-postgres-stop"));
        }
        return instance;
    }

    private static TestPostgres start() {
        boolean docker;
        try {
            docker = !"embedded".equals(System.getProperty("notes.test.postgres"))
                    && dockerMayBeConfigured()
                    && DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            docker = false;
        }
        if (docker) {
            LOG.info("Docker is available: PostgreSQL 17 runs in a Testcontainers container");
            return new ContainerPostgres();
        }
        LOG.info("No Docker engine: PostgreSQL 17 runs embedded");
        return new EmbeddedPostgresServer();
    }

    /** Skips Testcontainers' noisy probing where no Docker socket or configuration exists at all. */
    private static boolean dockerMayBeConfigured() {
        return System.getenv("DOCKER_HOST") != null
                || java.nio.file.Files.exists(java.nio.file.Path.of("/var/run/docker.sock"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".docker"))
                || java.nio.file.Files.exists(java.nio.file.Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
    }

    /** A new, empty database on the server, for tests that need one of their own. */
    public TestDatabase createDatabase(String prefix) {
        String name = prefix.toLowerCase().replaceAll("[^a-z0-9_]", "_") + "_" + databases.incrementAndGet();
        TestDatabase admin = adminDatabase();
        try (var connection = admin.dataSource().getConnection(); var statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("could not create test database " + name, e);
        }
        return database(name);
    }

    /** The maintenance database, used to create others and to end connections. */
    public TestDatabase adminDatabase() {
        return database("postgres");
    }

    /** A database of this server by name. */
    public abstract TestDatabase database(String name);

    /**
     * Makes every open connection to the server fail, as a database restart does. The embedded
     * server really stops and starts again; a container has its server processes ended.
     */
    public abstract void restart();

    protected abstract void stop();
}
