package dev.lambdanotes.persistence;

import dev.lambdanotes.domain.AccessToken;
import dev.lambdanotes.domain.AttemptCounter;
import dev.lambdanotes.domain.Note;
import dev.lambdanotes.domain.User;
import java.util.List;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.cfg.Configuration;
import org.hibernate.cfg.MappingSettings;

/**
 * Builds the Hibernate SessionFactory for a Lambda cold start: the entities are listed here (no
 * classpath scanning), the database and its version are given (no JDBC metadata is read at
 * boot, so building it opens no connection), and Hibernate never touches the schema, which the
 * Flyway migrations own.
 *
 * <p>Hibernate runs without a bytecode provider: it generates no proxy classes at run time, so the
 * functions' artifacts need no Byte Buddy (4.6 MB), and no XML mapping is read, so they need no
 * JAXB runtime. The entities are mapped to need neither: no lazy to-one association, no
 * {@code getReference}; a model that needs a proxy fails in every test that touches it. No entity
 * maps a JSON or XML column either, so Hibernate builds no Jackson mapper for them
 * ({@link NoJsonOrXmlColumns}) and registers no JSON, array or XML function
 * ({@link PostgreSQLWithoutJsonArrayXmlFunctions}).
 */
public final class HibernateBootstrap {
    /** Every entity of the model. A new entity is added here and nowhere else. */
    public static final List<Class<?>> ENTITIES = List.of(User.class, Note.class, AccessToken.class,
            AttemptCounter.class);

    /** The PostgreSQL version the dialect targets; the deployed database and the tests run 17. */
    static final String DATABASE_VERSION = "17.0";

    private HibernateBootstrap() {
    }

    public static SessionFactory sessionFactory(DataSource dataSource) {
        return configuration(dataSource).buildSessionFactory();
    }

    /** The configuration, exposed so a test can add schema validation on top of exactly these settings. */
    public static Configuration configuration(DataSource dataSource) {
        Configuration configuration = new Configuration();
        // What Hibernate chooses when it finds no provider, as in the functions' artifacts. Named
        // here so that the tests, which have Byte Buddy through AssertJ, run the same way.
        configuration.getStandardServiceRegistryBuilder()
                .addService(BytecodeProvider.class, new org.hibernate.bytecode.internal.none.BytecodeProviderImpl());
        ENTITIES.forEach(configuration::addAnnotatedClass);
        configuration.getProperties().put("jakarta.persistence.nonJtaDataSource", dataSource);
        configuration.getProperties().put(MappingSettings.JSON_FORMAT_MAPPER, NoJsonOrXmlColumns.INSTANCE);
        configuration.getProperties().put(MappingSettings.XML_FORMAT_MAPPER, NoJsonOrXmlColumns.INSTANCE);
        configuration.getProperties().put("hibernate.dialect", PostgreSQLWithoutJsonArrayXmlFunctions.class);
        configuration.setProperty("jakarta.persistence.database-product-name", "PostgreSQL");
        configuration.setProperty("jakarta.persistence.database-product-version", DATABASE_VERSION);
        configuration.setProperty("hibernate.boot.allow_jdbc_metadata_access", "false");
        configuration.setProperty("hibernate.hbm2ddl.auto", "none");
        configuration.setProperty("hibernate.xml_mapping_enabled", "false");
        configuration.setProperty("hibernate.connection.provider_disables_autocommit", "false");
        configuration.setProperty("hibernate.jdbc.time_zone", "UTC");
        configuration.setProperty("hibernate.jdbc.batch_size", "0");
        configuration.setProperty("hibernate.query.fail_on_pagination_over_collection_fetch", "true");
        configuration.setProperty("hibernate.query.plan_cache_enabled", "true");
        // The criteria built once per instance (NoteQueries) are used as they are, never copied, so
        // their translation to SQL stays in the plan cache, as an HQL string's does.
        configuration.setProperty("hibernate.criteria.copy_tree", "false");
        configuration.setProperty("hibernate.show_sql", "false");
        return configuration;
    }
}
