package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lambdanotes.config.AppConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import org.hibernate.SessionFactory;
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
}
