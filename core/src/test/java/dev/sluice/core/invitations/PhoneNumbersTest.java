package dev.sluice.core.invitations;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNumbersTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+14155552671          | +14155552671  | 1",
            "+1 (415) 555-2671     | +14155552671  | 1",
            "  +44 20 7183 8750    | +442071838750 | 44",
            "+49.151.23456789      | +4915123456789| 49",
            "+33612345678          | +33612345678  | 33"})
    void validInternationalNumbersAreNormalisedToE164(String input, String e164, int countryCode) {
        PhoneCheck check = PhoneNumbers.check(input);
        assertThat(check).isInstanceOf(PhoneCheck.Valid.class);
        PhoneNumber number = ((PhoneCheck.Valid) check).number();
        assertThat(number.e164()).isEqualTo(e164);
        assertThat(number.countryCode()).isEqualTo(countryCode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"+15551234567", "+447700900123", "+1415555267", "+999123456789", "+10000000000"})
    void numbersThatAreNotValidForTheirRegionAreRefused(String input) {
        assertThat(PhoneNumbers.check(input)).isInstanceOf(PhoneCheck.Invalid.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"(415) 555-2671", "4155552671", "0044 20 7183 8750", "+1-415-CALL-NOW", "++14155552671",
            "+1 415 555 2671 ext 5", "tel:+14155552671", "", " ", "+123456789012345678901234567890123"})
    void nationalAndOtherNonInternationalFormsAreRefused(String input) {
        PhoneCheck check = PhoneNumbers.check(input);
        assertThat(check).isInstanceOf(PhoneCheck.Invalid.class);
        assertThat(((PhoneCheck.Invalid) check).reason()).doesNotContain("4155552671").doesNotContain("2671");
    }

    @Test
    void nullIsRefused() {
        assertThat(PhoneNumbers.check(null)).isInstanceOf(PhoneCheck.Invalid.class);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+14155552671   | +1415•••2671",
            "+442071838750  | +44207•••8750",
            "+33612345678   | +3361•••5678",
            "+4915123456789 | +49151•••6789"})
    void maskedFormKeepsCountryCodeFirstDigitsAndLastFour(String input, String masked) {
        PhoneNumber number = ((PhoneCheck.Valid) PhoneNumbers.check(input)).number();
        assertThat(number.masked()).isEqualTo(masked);
        assertThat(number.toString()).contains(masked).doesNotContain(number.e164());
    }

    @Test
    void aShortNationalNumberKeepsAtLeastThreeDigitsHidden() {
        PhoneNumber number = new PhoneNumber("+3541234567", 354); // Iceland: 7-digit national numbers
        assertThat(number.masked()).isEqualTo("+354•••4567");
    }
}
