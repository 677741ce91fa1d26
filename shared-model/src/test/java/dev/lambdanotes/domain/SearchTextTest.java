package dev.lambdanotes.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SearchTextTest {
    @ParameterizedTest(name = "[{0}] -> words [{1}], prefix [{2}]")
    @CsvSource(delimiter = '|', nullValues = "NONE", value = {
            "coffee|''|coffee",
            "coffee bea|coffee|bea",
            "  coffee  |''|coffee",
            "\"coffee beans\"|\"coffee beans\"|NONE",
            "\"coffee bea|\"coffee bea|NONE",
            "coffee -roast|coffee -roast|NONE",
            "lisbon or|lisbon or|NONE",
            "lisbon or roasters|lisbon or roasters|NONE",
            "lisbon OR roa|lisbon OR roa|NONE",
            "lisbon OR|lisbon OR|NONE",
            "καλημ|''|καλημ",
            "日本|''|日本",
            "well-known|well-known|NONE",
            "tea!|tea!|NONE"})
    void theLastWordBeingTyped_alsoMatchesAsAPrefix(String q, String words, String prefix) {
        assertThat(SearchText.parse(q)).isEqualTo(new SearchText(words, prefix));
    }

    @Test
    void aSearchOf200Characters_isTheLongest() {
        assertThat(SearchText.parse("😀".repeat(200)).prefix()).isNull();
        assertThatThrownBy(() -> SearchText.parse("x".repeat(201)))
                .isInstanceOfSatisfying(InvalidInput.class,
                        e -> assertThat(e.errors()).extracting(FieldError::name).containsExactly("q"));
    }

    @Test
    void aSearchWithNulOrALoneSurrogate_isRefused() {
        assertThatThrownBy(() -> SearchText.parse("a\u0000")).isInstanceOf(InvalidInput.class);
        assertThatThrownBy(() -> SearchText.parse("a\ud800")).isInstanceOf(InvalidInput.class);
    }
}
