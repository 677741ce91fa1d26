package dev.lambdanotes.application;

import java.util.Base64;
import java.util.List;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * An Argon2 hash in the PHC string format, as stored in {@code users.password_hash}:
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, salt and hash in Base64 without padding.
 * Hashes written before (by the password4j library) have exactly this form, so they still verify.
 *
 * @param type    Bouncy Castle's Argon2 type constant (d, i or id)
 * @param version 0x13 (19) or 0x10 (16), the only two Argon2 versions
 */
record Argon2PhcString(int type, int version, int memoryKib, int iterations, int parallelism, byte[] salt, byte[] hash) {
    private static final List<String> TYPES = List.of("argon2d", "argon2i", "argon2id");
    /** 256 MiB: far above any cost this service writes, far below what would exhaust a function. */
    private static final int MAX_MEMORY_KIB = 256 * 1024;
    private static final int MAX_ITERATIONS = 1000;
    private static final int MAX_PARALLELISM = 255;

    static Argon2PhcString argon2id(int memoryKib, int iterations, int parallelism, byte[] salt) {
        return new Argon2PhcString(Argon2Parameters.ARGON2_id, Argon2Parameters.ARGON2_VERSION_13, memoryKib,
                iterations, parallelism, salt.clone(), new byte[0]);
    }

    Argon2PhcString withHash(byte[] newHash) {
        return new Argon2PhcString(type, version, memoryKib, iterations, parallelism, salt, newHash.clone());
    }

    String format() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return "$" + TYPES.get(type) + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism
                + "$" + base64.encodeToString(salt) + "$" + base64.encodeToString(hash);
    }

    /**
     * Reads a stored hash. The version field may be absent (version 16, as the PHC format allows);
     * parameters beyond what this service would ever write (over 256 MiB, 1000 iterations or 255
     * lanes) are refused, so that a damaged row cannot make a login exhaust the function's memory.
     *
     * @throws IllegalArgumentException when it is not an Argon2 PHC string
     */
    static Argon2PhcString parse(String phc) {
        String[] fields = phc.split("\\$", -1);
        if (fields.length < 5 || fields.length > 6 || !fields[0].isEmpty() || !TYPES.contains(fields[1])) {
            throw malformed();
        }
        int type = TYPES.indexOf(fields[1]);
        int next = 2;
        int version = Argon2Parameters.ARGON2_VERSION_10;
        if (fields.length == 6) {
            if (!fields[2].startsWith("v=")) {
                throw malformed();
            }
            version = number(fields[2].substring(2), 0x13);
            if (version != Argon2Parameters.ARGON2_VERSION_10 && version != Argon2Parameters.ARGON2_VERSION_13) {
                throw malformed();
            }
            next = 3;
        }
        String[] costs = fields[next].split(",", -1);
        if (costs.length != 3 || !costs[0].startsWith("m=") || !costs[1].startsWith("t=") || !costs[2].startsWith("p=")) {
            throw malformed();
        }
        int parallelism = number(costs[2].substring(2), MAX_PARALLELISM);
        int memoryKib = number(costs[0].substring(2), MAX_MEMORY_KIB);
        int iterations = number(costs[1].substring(2), MAX_ITERATIONS);
        if (parallelism < 1 || iterations < 1 || memoryKib < 8 * parallelism) {
            throw malformed();
        }
        byte[] salt = base64(fields[next + 1]);
        byte[] hash = base64(fields[next + 2]);
        if (salt.length < 8 || hash.length < 4) {
            throw malformed();
        }
        return new Argon2PhcString(type, version, memoryKib, iterations, parallelism, salt, hash);
    }

    private static int number(String digits, int max) {
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw malformed();
        }
        long value = Long.parseLong(digits);
        if (value > max) {
            throw malformed();
        }
        return (int) value;
    }

    private static byte[] base64(String text) {
        if (text.isEmpty() || text.endsWith("=")) {
            throw malformed();
        }
        try {
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw malformed();
        }
    }

    private static IllegalArgumentException malformed() {
        return new IllegalArgumentException("not an Argon2 hash in the PHC string format");
    }

    /** The parameters only: a log line never shows a salt or a hash. */
    @Override
    public String toString() {
        return "Argon2PhcString[" + TYPES.get(type) + ", v=" + version + ", m=" + memoryKib + ", t=" + iterations
                + ", p=" + parallelism + "]";
    }
}
