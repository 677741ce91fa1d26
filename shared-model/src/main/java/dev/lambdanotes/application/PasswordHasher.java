package dev.lambdanotes.application;

import dev.lambdanotes.domain.Text;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Hashes and checks passwords with Argon2id (Bouncy Castle's implementation). The default
 * parameters are OWASP's minimum (19 MiB of memory, 2 iterations, 1 lane); stored hashes are PHC
 * strings that carry their own parameters ({@link Argon2PhcString}), so raising the cost later
 * does not invalidate existing accounts.
 *
 * <p>Memory: Argon2's 19 MiB of blocks are allocated at the first hash (not when the hasher is
 * built, so a function that never hashes never holds them) and then reused by every later hash
 * through one block pool. A warm instance allocates almost nothing per hash, so its heap does not
 * fill with dead 19 MiB copies and grow; with the library used before, each login allocated about
 * 100 MiB and a function's heap grew to its maximum. One hash runs at a time per hasher: a Lambda
 * instance serves one request at a time, and concurrent callers simply wait.
 */
public final class PasswordHasher {
    public static final int OWASP_MEMORY_KIB = 19 * 1024;
    public static final int OWASP_ITERATIONS = 2;
    public static final int OWASP_PARALLELISM = 1;
    private static final int HASH_BYTES = 32;
    private static final int SALT_BYTES = 16;

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final SecureRandom random = new SecureRandom();
    private final byte[] equivalentWorkSalt = new byte[SALT_BYTES];
    private Argon2BytesGenerator.BlockPool blocks;

    public PasswordHasher(int memoryKib, int iterations, int parallelism) {
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
    }

    public static PasswordHasher owaspMinimum() {
        return new PasswordHasher(OWASP_MEMORY_KIB, OWASP_ITERATIONS, OWASP_PARALLELISM);
    }

    /** A fresh random salt and the Argon2id hash, encoded as a PHC string ({@code $argon2id$v=19$m=...}). */
    public String hash(String password) {
        if (!Text.isValidUnicode(password)) {
            throw new IllegalArgumentException("a password with an unpaired surrogate has no UTF-8 form to hash");
        }
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        Argon2PhcString parameters = Argon2PhcString.argon2id(memoryKib, iterations, parallelism, salt);
        return parameters.withHash(derive(parameters, password, HASH_BYTES)).format();
    }

    /**
     * Whether the password is the one the hash was made from. A password that is not valid Unicode
     * never matches (its lone surrogates would be hashed as '?', the same as other passwords), but
     * costs the same work.
     */
    public boolean matches(String password, String storedHash) {
        Argon2PhcString stored = Argon2PhcString.parse(storedHash);
        if (!Text.isValidUnicode(password)) {
            spendEquivalentWork("");
            return false;
        }
        byte[] derived = derive(stored, password, stored.hash().length);
        return MessageDigest.isEqual(derived, stored.hash());
    }

    /**
     * Does the same work as checking a password, for a username that does not exist, so a caller
     * cannot tell unknown usernames from wrong passwords by timing.
     */
    public void spendEquivalentWork(String password) {
        derive(Argon2PhcString.argon2id(memoryKib, iterations, parallelism, equivalentWorkSalt),
                Text.isValidUnicode(password) ? password : "", HASH_BYTES);
    }

    private synchronized byte[] derive(Argon2PhcString parameters, String password, int length) {
        if (blocks == null) {
            // One Argon2 block is 1 KiB: the pool keeps enough for this hasher's memory cost.
            blocks = new Argon2BytesGenerator.FixedBlockPool(memoryKib);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(parameters.type())
                .withVersion(parameters.version())
                .withMemoryAsKB(parameters.memoryKib())
                .withIterations(parameters.iterations())
                .withParallelism(parameters.parallelism())
                .withSalt(parameters.salt())
                .withBlockPool(blocks)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
