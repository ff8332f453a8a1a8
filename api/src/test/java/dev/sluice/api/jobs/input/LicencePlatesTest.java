package dev.sluice.api.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Licence plate normalisation without Quarkus. */
class LicencePlatesTest {

    @ParameterizedTest
    @CsvSource({
            "AB12 CDE, AB12CDE",
            "ab12cde, AB12CDE",
            "B-MW 1234, BMW1234",
            "' 7ABC123 ', 7ABC123",
            "1, 1",
            "ABCDEFGHIJ, ABCDEFGHIJ",
            "'AB - 12 -- CD', AB12CD",
    })
    void platesAreUpperCasedWithoutSpacesAndHyphens(String plate, String normalised) {
        assertThat(LicencePlates.normalise(plate)).contains(normalised);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "--", "ABCDEFGHIJK", "AB12.CDE", "AB_12", "M\u00dc 1234", "stra\u00dfe", "AB12/CD"})
    void anythingElseIsRefused(String plate) {
        assertThat(LicencePlates.normalise(plate)).isEmpty();
    }
}
