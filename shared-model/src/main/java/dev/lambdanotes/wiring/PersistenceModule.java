package dev.lambdanotes.wiring;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.config.SecretSource;
import dev.lambdanotes.persistence.DataSources;
import dev.lambdanotes.persistence.DryRunDataSource;
import dev.lambdanotes.persistence.HibernateBootstrap;
import dev.lambdanotes.persistence.SnapStartHooks;
import com.zaxxer.hikari.HikariDataSource;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;
import javax.sql.DataSource;
import org.hibernate.SessionFactory;

/** One connection pool and one SessionFactory per function instance, built at init and reused. */
@Module
public final class PersistenceModule {
    private PersistenceModule() {
    }

    @Provides
    @Singleton
    static DataSource dataSource(AppConfig config, SecretSource secrets) {
        HikariDataSource dataSource = DataSources.create(config, config.functionName(),
                () -> config.currentLogin(secrets));
        SnapStartHooks.closingConnectionsOf(dataSource);
        DataSources.connectAhead(dataSource);
        return dataSource;
    }

    /** The pool as the SessionFactory sees it, so that SnapStart priming can run requests in a dry run. */
    @Provides
    @Singleton
    static DryRunDataSource dryRunDataSource(DataSource dataSource) {
        return new DryRunDataSource(dataSource);
    }

    @Provides
    @Singleton
    static SessionFactory sessionFactory(DryRunDataSource dataSource) {
        return HibernateBootstrap.sessionFactory(dataSource);
    }
}
