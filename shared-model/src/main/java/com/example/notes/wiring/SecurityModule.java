package com.example.notes.wiring;

import com.example.notes.application.AccessTokens;
import com.example.notes.application.PasswordHasher;
import com.example.notes.config.AppConfig;
import com.example.notes.persistence.SnapStartHooks;
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
    static AccessTokens accessTokens(SessionFactory sessions, SecureRandom random, Clock clock, AppConfig config) {
        return new AccessTokens(sessions, random, clock, config.tokenTtl());
    }
}
