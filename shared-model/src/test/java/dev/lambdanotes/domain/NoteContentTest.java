package dev.lambdanotes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NoteContentTest {
    @Test
    void aTitleAndBodyAtTheirLimits_areAccepted_countingCodePoints() {
        String title = "😀".repeat(NoteContent.MAX_TITLE_LENGTH);
        String body = "x".repeat(NoteContent.MAX_BODY_LENGTH);

        assertThat(new NoteContent(title, body).title()).isEqualTo(title);
        assertThat(new NoteContent("t", "").body()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {" \t ", "\u00a0", "\u2007", "\u202f", "\u0085", "\u2028\u2029", "\u3000\u1680\u205f", "\n\r\u000b\f", "\u001c\u001f"})
    void aTitleOfWhiteSpaceOnly_noBreakSpacesToo_isRefused(String title) {
        assertThatThrownBy(() -> new NoteContent(title, "")).isInstanceOf(InvalidInput.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u00a0x", "\u200b", "a\u2007b", "\u3164"})
    void aTitleWithSomethingBesideWhiteSpace_isKept(String title) {
        assertThat(new NoteContent(title, "").title()).isEqualTo(title);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no title|title|is required",
            "blank title|title|must not be empty or blank",
            "long title|title|must be at most 200 characters",
            "NUL in title|title|must not contain the NUL character (U+0000)",
            "lone surrogate in title|title|must be valid Unicode (it contains an unpaired surrogate)",
            "no body|body|is required",
            "long body|body|must be at most 100000 characters",
            "NUL in body|body|must not contain the NUL character (U+0000)",
            "lone surrogate in body|body|must be valid Unicode (it contains an unpaired surrogate)"})
    void eachBrokenRule_isReportedOnItsField(String rule, String field, String detail) {
        String title = switch (rule) {
            case "no title" -> null;
            case "blank title" -> " \t ";
            case "long title" -> "x".repeat(201);
            case "NUL in title" -> "a\u0000b";
            case "lone surrogate in title" -> "a\ud800b";
            default -> "fine";
        };
        String body = switch (rule) {
            case "no body" -> null;
            case "long body" -> "x".repeat(100_001);
            case "NUL in body" -> "a\u0000b";
            case "lone surrogate in body" -> "\udc00";
            default -> "fine";
        };

        assertThatThrownBy(() -> new NoteContent(title, body))
                .isInstanceOfSatisfying(InvalidInput.class, e ->
                        assertThat(e.errors()).containsExactly(FieldError.of(field, detail)));
    }

    @Test
    void bothFieldsBroken_areReportedTogether() {
        assertThatThrownBy(() -> new NoteContent(null, null))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.errors()).hasSize(2));
    }
}
