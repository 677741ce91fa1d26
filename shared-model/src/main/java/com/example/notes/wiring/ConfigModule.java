package com.example.notes.wiring;

import com.example.notes.config.AppConfig;
import com.example.notes.config.SecretsManagerSource;
import dagger.Module;
import dagger.Provides;
import java.util.Map;
import javax.inject.Singleton;

/** The configuration, read from the process environment (and Secrets Manager, where the environment names a secret) once per function instance. */
@Module
public final class ConfigModule {
    private ConfigModule() {
    }

    @Provides
    @Singleton
    static AppConfig appConfig() {
        Map<String, String> env = System.getenv();
        return AppConfig.fromEnvironment(env, new SecretsManagerSource(env.getOrDefault("AWS_REGION", "us-east-1")));
    }
}
