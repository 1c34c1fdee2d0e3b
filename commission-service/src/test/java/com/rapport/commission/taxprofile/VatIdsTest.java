package com.rapport.commission.taxprofile;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class VatIdsTest {

    @Nested
    class AcceptsEachCountrysFormat {

        @ParameterizedTest
        @CsvSource({
                "DE123456789, DE", "ATU12345678, AT", "BE0123456789, BE", "FRXX123456789, FR", "FR12345678901, FR",
                "NL123456789B01, NL", "ESX1234567X, ES", "IT12345678901, IT", "EL123456789, GR", "PL1234567890, PL",
                "SE123456789001, SE", "IE1234567WA, IE", "IE1S12345L, IE", "GB123456789, GB", "GB123456789012, GB",
                "GBGD001, GB", "XI123456789, GB", "CHE123456789MWST, CH", "CHE123456789, CH", "NO123456789MVA, NO",
                "LT123456789012, LT", "CY12345678L, CY", "RO1234, RO"})
        void aWellFormedIdOfItsPrefix(String vatId, String country) {
            assertThat(VatIds.isValid(vatId, country)).isTrue();
            assertThat(VatIds.countryOf(vatId)).contains(country);
        }

        @Test
        void writtenWithSpacesDotsAndHyphens() {
            String normalised = VatIds.normalise("che-123.456.789 mwst");
            assertThat(normalised).isEqualTo("CHE123456789MWST");
            assertThat(VatIds.isValid(normalised, "CH")).isTrue();
        }

        @Test
        void anyLettersAndDigitsWhereNoFormatIsKnown() {
            assertThat(VatIds.isValid("12345678901", "AU")).isTrue();
            assertThat(VatIds.countryOf("12345678901")).isEmpty();
        }
    }

    @Nested
    class RefusesAnIdNotInItsCountrysFormat {

        @ParameterizedTest
        @CsvSource({
                "DE12345678, DE", "DE1234567890, DE", "DEABCDEFGHI, DE", "FR123456789, FR", "FRIO123456789, FR",
                "ATU1234567, AT", "BE2123456789, BE", "NL123456789A01, NL", "SE123456789002, SE",
                "GB12345678, GB", "CHE12345678, CH", "EL12345678, GR", "RO0123, RO"})
        void aMalformedIdOfAKnownPrefix(String vatId, String country) {
            assertThat(VatIds.isValid(vatId, country)).isFalse();
        }

        @Test
        void anUnprefixedIdOfACountryWithAKnownFormat() {
            assertThat(VatIds.isValid("123456789", "DE")).isFalse();
            assertThat(VatIds.isValid("123456789", "GR")).isFalse();
        }

        @Test
        void punctuationThatIsNotASeparator() {
            assertThat(VatIds.isValid(VatIds.normalise("DE/123456789"), "DE")).isFalse();
            assertThat(VatIds.isValid("AB#1", "US")).isFalse();
        }
    }
}
