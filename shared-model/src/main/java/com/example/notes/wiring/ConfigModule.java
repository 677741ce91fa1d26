package com.example.notes.wiring;

import com.example.notes.config.AppConfig;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** The configuration, read from the process environment once per function instance. */
@Module
public final class ConfigModule {
    private ConfigModule() {
    }

    @Provides
    @Singleton
    static AppConfig appConfig() {
        return AppConfig.fromEnvironment(System.getenv());
    }
}
