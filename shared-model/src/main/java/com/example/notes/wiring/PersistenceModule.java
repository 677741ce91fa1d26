package com.example.notes.wiring;

import com.example.notes.config.AppConfig;
import com.example.notes.persistence.DataSources;
import com.example.notes.persistence.HibernateBootstrap;
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
    static DataSource dataSource(AppConfig config) {
        String function = System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "notes");
        return DataSources.create(config, function);
    }

    @Provides
    @Singleton
    static SessionFactory sessionFactory(DataSource dataSource) {
        return HibernateBootstrap.sessionFactory(dataSource);
    }
}
