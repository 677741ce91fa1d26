package dev.lambdanotes.wiring;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.config.SecretSource;
import dev.lambdanotes.config.SecretsManagerSource;
import dagger.Module;
import dagger.Provides;
import javax.inject.Singleton;

/** The configuration, read from the process environment (and Secrets Manager, where the environment names a secret) once per function instance. */
@Module
public final class ConfigModule {
    private ConfigModule() {
    }

    @Provides
    @Singleton
    static SecretSource secretSource() {
        return SecretsManagerSource.fromEnvironment(System.getenv());
    }

    @Provides
    @Singleton
    static AppConfig appConfig(SecretSource secrets) {
        return AppConfig.fromEnvironment(System.getenv(), secrets);
    }
}
