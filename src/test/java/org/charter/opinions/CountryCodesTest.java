package org.charter.opinions;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CountryCodesTest {

    @Test
    void namesAsSurveysSpellThem() {
        assertEquals(Optional.of("USA"), CountryCodes.iso3("United States"));
        assertEquals(Optional.of("GBR"), CountryCodes.iso3("Britain"));
        assertEquals(Optional.of("KOR"), CountryCodes.iso3("S. Korea"));
        assertEquals(Optional.of("CZE"), CountryCodes.iso3("Czech Rep."));
        assertEquals(Optional.of("PSE"), CountryCodes.iso3("Palest. ter."));
        assertEquals(Optional.of("TUR"), CountryCodes.iso3("Turkey"));
        assertEquals(Optional.of("IND"), CountryCodes.iso3("India (Current national sample)"));
        assertEquals(Optional.of("BRA"), CountryCodes.iso3("Brazil (Non-national sample)"));
        assertEquals(Optional.of("FRA"), CountryCodes.iso3("France"));
    }

    @Test
    void regionsAndUnknownNamesHaveNoCode() {
        assertEquals(Optional.empty(), CountryCodes.iso3("Northern Ireland"));
        assertEquals(Optional.empty(), CountryCodes.iso3("Atlantis"));
        assertEquals(Optional.empty(), CountryCodes.iso3(null));
    }
}
