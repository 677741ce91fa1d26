package dev.lambdanotes.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class EntityTagsTest {
    @Test
    void aVersion_isWrittenAsAStrongQuotedTag() {
        assertThat(EntityTags.of(3)).isEqualTo("\"3\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {"*", " * "})
    void anAbsentOrStarIfMatch_acceptsAnyVersion(String header) {
        assertThat(EntityTags.ifMatch(header).isSatisfiedBy(41)).isTrue();
        assertThat(EntityTags.ifMatch(null).isSatisfiedBy(41)).isTrue();
    }

    @ParameterizedTest(name = "If-Match {0} vs version {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "\"3\"|3|true",
            "\"3\"|4|false",
            "\"1\", \"3\"|3|true",
            " \"3\" ,\"9\" |9|true",
            "W/\"3\"|3|false",
            "3|3|false",
            "\"03\"|3|false",
            "\"abc\"|3|false",
            "\"3\"x|3|false",
            "''|3|false",
            ",,,|3|false"})
    void ifMatch_comparesStronglyAgainstTheTagsWeIssue(String header, long version, boolean satisfied) {
        assertThat(EntityTags.ifMatch(header).isSatisfiedBy(version)).isEqualTo(satisfied);
    }
}
