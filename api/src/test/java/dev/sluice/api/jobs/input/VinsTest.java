package dev.sluice.api.jobs.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** VIN rules without Quarkus. */
class VinsTest {
    private static final Optional<Vins.Region> NA = Optional.of(Vins.Region.NA);

    @ParameterizedTest
    @ValueSource(strings = {
            "1M8GDM9AXKP042788", // the classic example, check digit X
            "11111111111111111", // check digit 1
            "1HGCM82633A004352", // Honda Accord
            "5YJ3E1EA7HF000337", // Tesla Model 3
    })
    void validNorthAmericanVinsPassTheCheckDigit(String vin) {
        assertThat(Vins.check(vin, NA).vin()).contains(vin);
        assertThat(Vins.check(vin, NA).problem()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "1M8GDM9AXKP042788, X",
            "11111111111111111, 1",
            "1HGCM82633A004352, 3",
    })
    void checkDigitUsesTheStandardTransliterationAndWeights(String vin, char expected) {
        assertThat(Vins.checkDigit(vin)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "1M8GDM9A1KP042788", // X replaced by 1
            "11111111211111111", // 2 where the check digit must be 1
            "1HGCM82643A004352", // one digit changed
            "WVWZZZ1JZ3W386752", // a valid European VIN: no check digit
    })
    void wrongCheckDigitsAreRefusedInNorthAmerica(String vin) {
        assertThat(Vins.check(vin, NA).problem()).contains(Vins.Problem.CHECK_DIGIT);
        assertThat(Vins.check(vin, NA).vin()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"WVWZZZ1JZ3W386752", "1M8GDM9A1KP042788"})
    void outsideNorthAmericaOrWithoutARegionTheCheckDigitIsNotVerified(String vin) {
        assertThat(Vins.check(vin, Optional.of(Vins.Region.EU)).vin()).contains(vin);
        assertThat(Vins.check(vin, Optional.empty()).vin()).contains(vin);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1m8gdm9axkp042788", " 1M8GDM9AXKP042788 ", "1m8GDm9aXKp042788"})
    void vinsAreUpperCasedAndTrimmed(String vin) {
        assertThat(Vins.check(vin, NA).vin()).contains("1M8GDM9AXKP042788");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1M8GDM9AXKP04278", "1M8GDM9AXKP0427888", "1M8GDM9AXKP0427 8", "1M8GDM9AXKP04278-",
            "1M8GDM9AXKP04278\u00c4", "\u00df1M8GDM9AXKP04278"})
    void anythingButSeventeenLettersAndDigitsIsRefused(String vin) {
        assertThat(Vins.check(vin, Optional.empty()).problem()).contains(Vins.Problem.LENGTH);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1M8GDM9AXKP04278I", "OM8GDM9AXKP042788", "1M8GDM9AXKQ042788", "1m8gdm9axkp04278o"})
    void theLettersIOAndQAreRefused(String vin) {
        assertThat(Vins.check(vin, Optional.empty()).problem()).contains(Vins.Problem.CHARACTERS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NA", "na", "Eu", "ASIA", "other"})
    void regionsAreReadCaseInsensitively(String region) {
        assertThat(Vins.Region.fromWire(region)).isPresent();
    }

    @ParameterizedTest
    @ValueSource(strings = {"US", "", "N A", "europe"})
    void unknownRegionsAreRefused(String region) {
        assertThat(Vins.Region.fromWire(region)).isEmpty();
    }
}
