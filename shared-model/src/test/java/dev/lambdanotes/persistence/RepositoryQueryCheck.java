package dev.lambdanotes.persistence;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.hibernate.Session;
import org.hibernate.SessionFactory;

/**
 * Checks every HQL query of the repositories against the entity model, in the build's
 * process-test-classes phase, so that a misspelt entity or attribute fails {@code mvn verify}
 * before any test runs. Hibernate Processor generates the repositories and resolves their
 * entity names while compiling, but does not resolve attribute paths; this compiles each query
 * with Hibernate's own HQL translator, against the same mapping the functions boot, without a
 * database. Native SQL ({@code @SQL}) is left to the tests against PostgreSQL.
 */
public final class RepositoryQueryCheck {
    /** A query constant that a generated method passes to Hibernate as HQL. */
    private static final Pattern HQL_USE = Pattern.compile("create(Selection|Mutation)Query\\((\\w+)");

    private RepositoryQueryCheck() {
    }

    public static void main(String[] args) throws Exception {
        Path generated = Path.of(args[0], "dev", "lambdanotes", "persistence");
        DataSource noDatabase = (DataSource) Proxy.newProxyInstance(RepositoryQueryCheck.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, arguments) -> {
                    throw new SQLException("no database while the queries are checked");
                });
        List<String> failures = new ArrayList<>();
        int checked = 0;
        try (SessionFactory sessions = HibernateBootstrap.sessionFactory(noDatabase);
             Session session = sessions.openSession();
             Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith("Repository_.java")).sorted().toList()) {
                Class<?> repository = Class.forName("dev.lambdanotes.persistence."
                        + file.getFileName().toString().replace(".java", ""));
                Matcher use = HQL_USE.matcher(read(file));
                while (use.find()) {
                    Field constant = repository.getDeclaredField(use.group(2));
                    constant.setAccessible(true);
                    String hql = (String) constant.get(null);
                    try {
                        if (use.group(1).equals("Selection")) {
                            session.createSelectionQuery(hql, Object.class);
                        } else {
                            session.createMutationQuery(hql);
                        }
                        checked++;
                    } catch (RuntimeException e) {
                        failures.add(repository.getSimpleName() + "." + use.group(2) + ": " + e.getMessage());
                    }
                }
            }
        }
        if (!failures.isEmpty()) {
            throw new IllegalStateException("Repository queries that do not match the entities:\n  "
                    + String.join("\n  ", failures));
        }
        if (checked == 0) {
            throw new IllegalStateException("No repository query found under " + generated);
        }
        System.out.println("[query check] " + checked + " repository HQL queries match the entities");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
