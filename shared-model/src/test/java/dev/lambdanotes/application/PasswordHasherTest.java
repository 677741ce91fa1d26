package dev.lambdanotes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.password4j.Argon2Function;
import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import com.password4j.types.Argon2;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {
    /** Cheap parameters: these tests are about which strings match, not about cost. */
    private final PasswordHasher hasher = new PasswordHasher(1024, 1, 1);

    @Test
    void aPassword_matchesItsOwnHash_only() {
        String hash = hasher.hash("correct horse battery staple");

        assertThat(hasher.matches("correct horse battery staple", hash)).isTrue();
        assertThat(hasher.matches("correct horse battery stapl", hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud800\ud800abcdefgh", "\udfff\udbffabcdefgh", "\ud800?abcdefgh"})
    void aPasswordWithLoneSurrogates_neverMatchesTheQuestionMarksJavaWouldEncodeItAs(String password) {
        String hash = hasher.hash("??abcdefgh");

        assertThat(hasher.matches(password, hash)).isFalse();
    }

    @Test
    void aPasswordWithLoneSurrogates_isNeverHashed() {
        assertThatThrownBy(() -> hasher.hash("\ud800abcdefgh")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aSurrogatePair_isOneCharacterAndMatches() {
        String hash = hasher.hash("emoji \ud83d\ude00 pass");

        assertThat(hasher.matches("emoji \ud83d\ude00 pass", hash)).isTrue();
    }

    @Test
    void aHash_isAnArgon2idPhcString_withTheHashersCosts_andAFreshSalt() {
        String first = hasher.hash("correct horse battery staple");
        String second = hasher.hash("correct horse battery staple");

        assertThat(first).startsWith("$argon2id$v=19$m=1024,t=1,p=1$");
        assertThat(first).isNotEqualTo(second);
        assertThat(Argon2PhcString.parse(first).salt()).hasSize(16);
        assertThat(Argon2PhcString.parse(first).hash()).hasSize(32);
    }

    @Test
    void theOwaspHasher_writesOwaspsMinimumCosts() {
        assertThat(PasswordHasher.owaspMinimum().hash("correct horse battery staple"))
                .startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    /** Accounts registered before Bouncy Castle replaced password4j keep their hashes, which must still log in. */
    @ParameterizedTest
    @CsvSource({"19456, 2, 1", "1024, 1, 1", "2048, 3, 2"})
    void aHashStoredByPassword4j_stillMatches_onlyItsPassword(int memoryKib, int iterations, int parallelism) {
        String stored = Argon2Function.getInstance(memoryKib, iterations, parallelism, 32, Argon2.ID,
                Argon2Function.ARGON2_VERSION_13).hash("correct horse battery staple").getResult();

        assertThat(hasher.matches("correct horse battery staple", stored)).isTrue();
        assertThat(hasher.matches("correct horse battery stapl", stored)).isFalse();
    }

    @Test
    void aHashOfOurs_isOnePassword4jAccepts_soTheFormatIsTheStandardOne() {
        String hash = hasher.hash("emoji \ud83d\ude00 pass");

        assertThat(Argon2Function.getInstanceFromHash(hash).check("emoji \ud83d\ude00 pass", hash)).isTrue();
    }

    @Test
    void manyHashes_reuseTheSameBlockMemory_insteadOfAllocatingItEachTime() {
        PasswordHasher owasp = PasswordHasher.owaspMinimum();
        owasp.hash("warm up");
        ThreadMXBean allocations = (ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = allocations.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 5; i++) {
            owasp.hash("correct horse battery staple");
        }
        long perHash = (allocations.getCurrentThreadAllocatedBytes() - before) / 5;

        assertThat(perHash).as("bytes allocated per hash, against 19 MiB of block memory").isLessThan(1024 * 1024);
    }
}
