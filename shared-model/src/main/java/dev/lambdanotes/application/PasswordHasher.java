package dev.lambdanotes.application;

import com.password4j.Argon2Function;
import dev.lambdanotes.domain.Text;
import com.password4j.types.Argon2;

/**
 * Hashes and checks passwords with Argon2id. The default parameters are OWASP's minimum
 * (19 MiB of memory, 2 iterations, 1 lane); stored hashes carry their own parameters (PHC string
 * format), so raising the cost later does not invalidate existing accounts.
 */
public final class PasswordHasher {
    public static final int OWASP_MEMORY_KIB = 19 * 1024;
    public static final int OWASP_ITERATIONS = 2;
    public static final int OWASP_PARALLELISM = 1;
    private static final int HASH_BYTES = 32;

    private final Argon2Function argon2;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, parallelism, HASH_BYTES, Argon2.ID,
                Argon2Function.ARGON2_VERSION_13);
    }

    public static PasswordHasher owaspMinimum() {
        return new PasswordHasher(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM);
    }

    /** A fresh random salt and the Argon2id hash, encoded as a PHC string ({@code $argon2id$v=19$m=...}). */
    public String hash(String password) {
        if (!Text.isValidUnicode(password)) {
            throw new IllegalArgumentException("a password with an unpaired surrogate has no UTF-8 form to hash");
        }
        return argon2.hash(password).getResult();
    }

    /**
     * Whether the password is the one the hash was made from. A password that is not valid Unicode
     * never matches (its lone surrogates would be hashed as '?', the same as other passwords), but
     * costs the same work.
     */
    public boolean matches(String password, String storedHash) {
        if (!Text.isValidUnicode(password)) {
            spendEquivalentWork("");
            return false;
        }
        return Argon2Function.getInstanceFromHash(storedHash).check(password, storedHash);
    }

    /**
     * Does the same work as checking a password, for a username that does not exist, so a caller
     * cannot tell unknown usernames from wrong passwords by timing.
     */
    public void spendEquivalentWork(String password) {
        argon2.hash(Text.isValidUnicode(password) ? password : "");
    }
}
