package dev.lambdanotes.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class SnapStartHooksTest {

    private static SecureRandom snapshottedGenerator() throws Exception {
        // A deterministic generator stands for the state every instance restored from one snapshot shares.
        SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
        random.setSeed(42L);
        return random;
    }

    @Test
    void afterRestore_instancesFromOneSnapshotNoLongerShareTheirRandomSequence() throws Exception {
        SecureRandom untouched = snapshottedGenerator();
        SecureRandom restored = snapshottedGenerator();
        byte[] same1 = new byte[32];
        byte[] same2 = new byte[32];
        snapshottedGenerator().nextBytes(same1);
        snapshottedGenerator().nextBytes(same2);
        assertThat(same1).as("without the hook, cloned state repeats").isEqualTo(same2);

        SnapStartHooks.reseeding(restored).afterRestore(null);

        byte[] a = new byte[32];
        byte[] b = new byte[32];
        untouched.nextBytes(a);
        restored.nextBytes(b);
        assertThat(b).isNotEqualTo(a);
    }
}
