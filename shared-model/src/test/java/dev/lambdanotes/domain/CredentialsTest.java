package dev.lambdanotes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CredentialsTest {
    private static final String PASSWORD = "correct horse battery staple";

    @ParameterizedTest
    @ValueSource(strings = {"abc", "Alice_99", "a.b-c"})
    void aUsernameOfAllowedCharacters_isAccepted(String username) {
        assertThat(new Credentials(username, PASSWORD).username()).isEqualTo(username);
        assertThat(Credentials.isPossibleUsername(username)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ab", "with space", "ünïcode", "a/b", "a\u0000b", ""})
    void anyOtherUsername_isRefused(String username) {
        assertThatThrownBy(() -> new Credentials(username, PASSWORD))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("username"));
        assertThat(Credentials.isPossibleUsername(username)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1234567", "\ud800abcdefgh", "abcdefg\udfff"})
    void aShortPasswordOrOneWithoutAUtf8Form_isRefused(String password) {
        assertThat(Credentials.passwordErrors("password", password)).hasSize(1);
    }

    @Test
    void passwords_areTakenExactly_spacesAndEmojiIncluded_upTo1024CodePoints() {
        assertThat(Credentials.passwordErrors("password", "  spaced  ")).isEmpty();
        assertThat(Credentials.passwordErrors("password", "😀".repeat(1024))).isEmpty();
        assertThat(Credentials.passwordErrors("password", "😀".repeat(1025))).hasSize(1);
    }

    @Test
    void aUsername_isAtMost80Characters() {
        assertThat(Credentials.isPossibleUsername("a".repeat(80))).isTrue();
        assertThat(Credentials.isPossibleUsername("a".repeat(81))).isFalse();
    }

    @Test
    void theTextForm_neverShowsThePassword() {
        assertThat(new Credentials("alice", PASSWORD).toString()).doesNotContain(PASSWORD).contains("alice");
    }
}
