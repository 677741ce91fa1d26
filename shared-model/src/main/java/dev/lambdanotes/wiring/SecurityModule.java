package dev.lambdanotes.wiring;

import dev.lambdanotes.application.AccessTokens;
import dev.lambdanotes.application.AttemptThrottle;
import dev.lambdanotes.application.PasswordHasher;
import dev.lambdanotes.config.AppConfig;
import dev.lambdanotes.observability.Telemetry;
import dev.lambdanotes.persistence.SnapStartHooks;
import dagger.Module;
import dagger.Provides;
import java.security.SecureRandom;
import java.time.Clock;
import javax.inject.Singleton;
import org.hibernate.SessionFactory;

/** Password hashing, token issuing, and the randomness and clock they rely on. */
@Module
public final class SecurityModule {
    private SecurityModule() {
    }

    @Provides
    @Singleton
    static SecureRandom secureRandom() {
        SecureRandom random = new SecureRandom();
        SnapStartHooks.reseeding(random);
        return random;
    }

    @Provides
    @Singleton
    static Clock clock() {
        return Clock.systemUTC();
    }

    @Provides
    @Singleton
    static PasswordHasher passwordHasher() {
        return PasswordHasher.owaspMinimum();
    }

    @Provides
    @Singleton
    static AttemptThrottle attemptThrottle(Clock clock, AppConfig config, Telemetry telemetry) {
        return new AttemptThrottle(clock, config.throttlePolicies(),
                (kind, sourceIp) -> telemetry.throttleEngaged(kind.label(), sourceIp));
    }

    @Provides
    @Singleton
    static AccessTokens accessTokens(SessionFactory sessions, SecureRandom random, Clock clock, AppConfig config) {
        return new AccessTokens(sessions, random, clock, config.tokenTtl());
    }
}
