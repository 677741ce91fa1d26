package dev.lambdanotes.wiring;

import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.observability.LogSetup;
import dev.lambdanotes.observability.Telemetry;
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
