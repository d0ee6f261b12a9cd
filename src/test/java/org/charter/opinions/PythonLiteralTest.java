package org.charter.opinions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PythonLiteralTest {

    private static double num(Object o) {
        return ((PythonLiteral.Num) o).value();
    }

    @Test
    void readsADefaultdictOfCountryShares() throws Exception {
        Object v = PythonLiteral.parse("defaultdict(<class 'list'>, {'Brazil': [0.3, 0.7], \"Côte d’Ivoire\": [1, 0.0]})");
        Map<?, ?> map = (Map<?, ?>) v;
        assertEquals(List.of("Brazil", "Côte d’Ivoire"), List.copyOf(map.keySet()));
        assertEquals(0.7, num(((List<?>) map.get("Brazil")).get(1)));
        assertEquals(1.0, num(((List<?>) map.get("Côte d’Ivoire")).getFirst()));
    }

    @Test
    void readsAPlainDictAndAnEmptyDefaultdict() throws Exception {
        assertEquals(Map.of("A", List.of()), PythonLiteral.parse("{'A': []}"));
        assertEquals(Map.of(), PythonLiteral.parse("defaultdict(<class 'list'>, {})"));
        assertEquals(Map.of(), PythonLiteral.parse("defaultdict(list)"));
    }

    @Test
    void readsQuotesAndEscapesInsideStrings() throws Exception {
        List<?> options = (List<?>) PythonLiteral.parse(
                "['A great deal', \"Don't know\", 'It\\'s \"fine\"', 'tab\\there', 'caf\\xe9', 'snow\\u2603', '\\\\']");
        assertEquals(List.of("A great deal", "Don't know", "It's \"fine\"", "tab\there", "café", "snow☃", "\\"), options);
    }

    @Test
    void joinsAdjacentStringLiteralsAndKeepsUnknownEscapes() throws Exception {
        assertEquals("ab", PythonLiteral.parse("'a' \"b\""));
        assertEquals("a\\qb", PythonLiteral.parse("'a\\qb'"));
        assertEquals("raw\\n", PythonLiteral.parse("r'raw\\n'"));
    }

    @Test
    void keepsTheWrittenFormOfNumbersForDisplay() throws Exception {
        List<?> options = (List<?>) PythonLiteral.parse("['Not important at all', 1.0, 2, -3.5e-1, 'Very important']");
        assertEquals(List.of("Not important at all", "1.0", "2", "-3.5e-1", "Very important"),
                options.stream().map(PythonLiteral::display).toList());
        assertEquals(-0.35, num(options.get(3)), 1e-15);
    }

    @Test
    void readsMissingValuesAndNumpyWrappers() throws Exception {
        List<?> shares = (List<?>) PythonLiteral.parse("[nan, NaN, None, '', np.float64(0.25), float('nan'), -inf]");
        assertTrue(Double.isNaN(num(shares.get(0))));
        assertTrue(Double.isNaN(num(shares.get(1))));
        assertNull(shares.get(2));
        assertEquals("", shares.get(3));
        assertEquals(0.25, num(shares.get(4)));
        assertTrue(Double.isNaN(num(shares.get(5))));
        assertEquals(Double.NEGATIVE_INFINITY, num(shares.get(6)));
    }

    @Test
    void readsTheSameCellsWrittenAsJson() throws Exception {
        Map<?, ?> map = (Map<?, ?>) PythonLiteral.parse("{\"Brazil\": [0.5, null, 0.5], \"flag\": [true, false]}");
        assertNull(((List<?>) map.get("Brazil")).get(1));
        assertEquals(List.of(true, false), map.get("flag"));
    }

    @Test
    void readsTuplesTrailingCommasAndBooleans() throws Exception {
        assertEquals(List.of(true, false), PythonLiteral.parse("(True, False,)"));
    }

    @Test
    void namesTheOffsetOfASyntaxError() {
        PythonLiteral.SyntaxError e = assertThrows(PythonLiteral.SyntaxError.class,
                () -> PythonLiteral.parse("{'A': [0.1, 0.2}"));
        assertEquals(15, e.offset());
        assertTrue(e.getMessage().contains("character 16"), e.getMessage());
    }

    @Test
    void rejectsUnterminatedStringsUnknownNamesAndTrailingText() {
        assertTrue(assertThrows(PythonLiteral.SyntaxError.class, () -> PythonLiteral.parse("['abc"))
                .getMessage().contains("unterminated string"));
        assertTrue(assertThrows(PythonLiteral.SyntaxError.class, () -> PythonLiteral.parse("[foo]"))
                .getMessage().contains("unknown name 'foo'"));
        assertTrue(assertThrows(PythonLiteral.SyntaxError.class, () -> PythonLiteral.parse("[1] x"))
                .getMessage().contains("after the value"));
        assertTrue(assertThrows(PythonLiteral.SyntaxError.class, () -> PythonLiteral.parse("{'A': 1, 'A': 2}"))
                .getMessage().contains("duplicate key 'A'"));
        assertThrows(PythonLiteral.SyntaxError.class, () -> PythonLiteral.parse(""));
        assertThrows(PythonLiteral.SyntaxError.class, () -> PythonLiteral.parse("os.system('x')"));
    }
}
