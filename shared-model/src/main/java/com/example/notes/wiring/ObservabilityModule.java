package com.example.notes.wiring;

import com.example.notes.config.AppConfig;
import com.example.notes.observability.LogSetup;
import com.example.notes.observability.Telemetry;
import dagger.Module;
import dagger.Provides;
import java.time.Clock;
import javax.inject.Singleton;

/** JSON logging on stdout, installed once per function instance, and the telemetry that writes security events and metrics. */
@Module
public final class ObservabilityModule {
    private ObservabilityModule() {
    }

    @Provides
    @Singleton
    static Telemetry telemetry(AppConfig config, Clock clock) {
        LogSetup.installJsonLogging(config.functionName(), System.out);
        return new Telemetry(System.out, clock, config.metricsNamespace(), config.functionName());
    }
}
