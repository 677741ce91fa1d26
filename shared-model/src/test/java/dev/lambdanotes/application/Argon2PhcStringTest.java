package dev.lambdanotes.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The PHC string form of a stored Argon2 hash: what is read, what is written, and what is refused. */
class Argon2PhcStringTest {
    private static final String STORED = "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$"
            + "q3JcUE0S8M3Y2N2dJ9Y1f0m8vP0b3WqQ0ZlYH2wqk3U";

    @Test
    void aStoredHash_isReadWithItsOwnParameters() {
        Argon2PhcString phc = Argon2PhcString.parse(STORED);

        assertThat(phc.type()).isEqualTo(Argon2Parameters.ARGON2_id);
        assertThat(phc.version()).isEqualTo(0x13);
        assertThat(phc.memoryKib()).isEqualTo(19456);
        assertThat(phc.iterations()).isEqualTo(2);
        assertThat(phc.parallelism()).isEqualTo(1);
        assertThat(phc.salt()).asString().isEqualTo("somesaltsomesalt");
        assertThat(phc.hash()).hasSize(32);
    }

    @Test
    void aParsedHash_isWrittenBackExactlyAsItWasStored() {
        assertThat(Argon2PhcString.parse(STORED).format()).isEqualTo(STORED);
    }

    @Test
    void itsTextForLogs_showsTheParameters_neverTheSaltOrTheHash() {
        assertThat(Argon2PhcString.parse(STORED).toString()).contains("argon2id", "m=19456", "t=2", "p=1")
                .doesNotContain("c29tZXNhbHRzb21lc2FsdA", "q3JcUE0S8M3Y2N2dJ9Y1f0m8vP0b3WqQ0ZlYH2wqk3U");
    }

    @Test
    void aHashWithoutVersion_isArgon2Version16() {
        assertThat(Argon2PhcString.parse("$argon2i$m=4096,t=3,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw")
                .version()).isEqualTo(0x10);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "plain text",
        "$2a$10$N9qo8uLOickgx2ZMRZoMyeIjZAgcfl7p92ldGxad68LJZdL17lhWy",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA",
        "$argon2x$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=18$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$t=2,m=19456,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=19456,t=0,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=4,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=99999999,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=262145,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=19456,t=1001,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=19456,t=2,p=-1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA==$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=19456,t=2,p=1$not*base64$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw",
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$q3JcUE0S8M3Y2N2dJ9Y1fw$extra"})
    void anythingElse_isRefusedAsNotAnArgon2Hash(String text) {
        assertThatThrownBy(() -> Argon2PhcString.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an Argon2 hash in the PHC string format");
    }
}
