package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lambdanotes.config.AppConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.hibernate.SessionFactory;
import org.hibernate.bytecode.spi.BytecodeProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

class HibernateBootstrapTest {

    @Test
    void buildingThePoolAndSessionFactory_opensNoConnection() {
        // Nothing listens on port 1: any connection attempt at boot would fail the build of the
        // SessionFactory or leave a connection in the pool.
        AppConfig config = AppConfig.fromEnvironment(Map.of(
                "DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere",
                "DATABASE_CONNECT_TIMEOUT_MS", "250"));

        try (HikariDataSource dataSource = DataSources.create(config, "boot-test");
             SessionFactory sessions = HibernateBootstrap.sessionFactory(dataSource)) {
            assertThat(sessions.getMetamodel().getEntities()).hasSize(HibernateBootstrap.ENTITIES.size());
            assertThat(dataSource.getHikariPoolMXBean().getTotalConnections()).isZero();
        }
    }

    @Test
    void hibernate_runsWithoutABytecodeProvider_asInTheFunctionsArtifacts() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere"));

        try (HikariDataSource dataSource = DataSources.create(config, "boot-test");
             SessionFactory sessions = HibernateBootstrap.sessionFactory(dataSource)) {
            assertThat(sessions.unwrap(SessionFactoryImplementor.class).getServiceRegistry()
                    .requireService(BytecodeProvider.class))
                    .isInstanceOf(org.hibernate.bytecode.internal.none.BytecodeProviderImpl.class);
        }
    }

    @Test
    void hibernate_buildsNoJacksonMapper_forJsonOrXmlColumns() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere"));

        try (HikariDataSource dataSource = DataSources.create(config, "boot-test");
             SessionFactory sessions = HibernateBootstrap.sessionFactory(dataSource)) {
            var options = sessions.unwrap(SessionFactoryImplementor.class).getSessionFactoryOptions();
            assertThat(options.getJsonFormatMapper()).isSameAs(NoJsonOrXmlColumns.INSTANCE);
            assertThat(options.getXmlFormatMapper()).isSameAs(NoJsonOrXmlColumns.INSTANCE);
            assertThatThrownBy(() -> options.getJsonFormatMapper().fromString("{}", null, null))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("no entity maps a JSON or XML column");
        }
    }

    @Test
    void theDialect_isPostgreSql17_withoutJsonArrayOrXmlFunctions() {
        AppConfig config = AppConfig.fromEnvironment(Map.of("DATABASE_URL", "jdbc:postgresql://127.0.0.1:1/nowhere"));

        try (HikariDataSource dataSource = DataSources.create(config, "boot-test");
             SessionFactory sessions = HibernateBootstrap.sessionFactory(dataSource)) {
            SessionFactoryImplementor factory = sessions.unwrap(SessionFactoryImplementor.class);
            assertThat(factory.getJdbcServices().getDialect())
                    .isInstanceOf(PostgreSQLWithoutJsonArrayXmlFunctions.class)
                    .satisfies(dialect -> assertThat(dialect.getVersion().getDatabaseMajorVersion()).isEqualTo(17));
            var functions = factory.getQueryEngine().getSqmFunctionRegistry();
            assertThat(functions.findFunctionDescriptor("json_value")).isNull();
            assertThat(functions.findFunctionDescriptor("array_contains")).isNull();
            assertThat(functions.findFunctionDescriptor("xmlelement")).isNull();
            assertThat(functions.findFunctionDescriptor("lower")).isNotNull();
            assertThat(functions.findFunctionDescriptor("coalesce")).isNotNull();
        }
    }

    /** So that every test of the model and the functions proves that they need no XML binding. */
    @Test
    void noJaxbImplementation_isOnTheClassPath() {
        assertThatThrownBy(() -> Class.forName("org.glassfish.jaxb.runtime.v2.ContextFactory"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
