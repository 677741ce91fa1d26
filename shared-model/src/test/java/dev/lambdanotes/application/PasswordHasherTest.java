package dev.lambdanotes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
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
}
