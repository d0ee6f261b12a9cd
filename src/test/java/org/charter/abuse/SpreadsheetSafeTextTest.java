package org.charter.abuse;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SpreadsheetSafeTextTest {

    @Test
    void formulaStartsGetAnApostropheAndOtherTextsStayAsWritten() {
        assertEquals("'=HYPERLINK(\"http://evil.example\",\"x\")", SpreadsheetSafeText.escape("=HYPERLINK(\"http://evil.example\",\"x\")"));
        assertEquals("'+1 for trains", SpreadsheetSafeText.escape("+1 for trains"));
        assertEquals("'-2 is not a score", SpreadsheetSafeText.escape("-2 is not a score"));
        assertEquals("'@SUM(A1)", SpreadsheetSafeText.escape("@SUM(A1)"));
        assertEquals("'\t=1+1", SpreadsheetSafeText.escape("\t=1+1"));
        assertEquals("'\r=1+1", SpreadsheetSafeText.escape("\r=1+1"));
        assertEquals("Plain text = fine", SpreadsheetSafeText.escape("Plain text = fine"));
        assertEquals("'quoted' opinions", SpreadsheetSafeText.escape("'quoted' opinions"), "an apostrophe alone is no formula");
        assertEquals("''=x", SpreadsheetSafeText.escape("'=x"), "one more apostrophe, so the read gives '=x back");
        assertEquals("", SpreadsheetSafeText.escape(""));
        assertNull(SpreadsheetSafeText.escape(null));
    }

    @Test
    void unescapeGivesBackExactlyWhatWasEscaped() {
        for (String text : List.of("=1+1", "+", "-", "@", "'", "''", "'=", "''=x", "'-0.25", "-0.25", "\t", "\r\n=x",
                "'quoted'", "plain", "", "x=1", "'@'")) {
            assertEquals(text, SpreadsheetSafeText.unescape(SpreadsheetSafeText.escape(text)), text);
        }
        assertEquals("'quoted'", SpreadsheetSafeText.unescape("'quoted'"), "a cell someone else wrote keeps its apostrophe");
        assertNull(SpreadsheetSafeText.unescape(null));
    }
}
