package org.charter.constitution;

import org.charter.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConstitutionComparisonTest {

    @Test
    void findsTheClosestPrincipleAndCountsTheOverlap() {
        List<String> a = List.of("Choose the response that is most honest.", "Choose the response that least encourages violence.",
                "Choose the response that most respects human rights.");
        List<String> b = List.of("Choose the response that least encourages or supports violence.",
                "Choose the response that is most honest and truthful.", "Choose the response that is least racist.",
                "Choose the response that most protects privacy.");
        ConstitutionComparison.Comparison c = ConstitutionComparison.compare("A", a, "B", b, 0.5);
        assertEquals(2, c.aToB().get(0).closestIndex());
        assertEquals(1, c.aToB().get(1).closestIndex());
        assertTrue(c.aToB().get(0).overlaps() && c.aToB().get(1).overlaps());
        assertFalse(c.aToB().get(2).overlaps(), c.aToB().get(2).toString());
        assertEquals(2, c.summary().aOverlapping());
        assertEquals(2 / 3.0, c.summary().aShare(), 1e-12);
        assertEquals(4, c.bToA().size());
        assertEquals(2, c.summary().bOverlapping());
        // identical constitutions overlap completely
        ConstitutionComparison.Comparison same = ConstitutionComparison.compare("A", a, "A", a, 1.0);
        assertEquals(1.0, same.summary().aShare());
        assertTrue(ConstitutionComparison.markdown(c).contains("| 1 | Choose the response that is most honest. |"));
    }

    @Test
    void readsJsonExportsAndPlainLists() {
        assertEquals(List.of("Be kind", "Be honest", "Be fair"),
                ConstitutionComparison.principlesOf("# Principles\n\n- Be kind\n2. Be honest\n\n3) Be fair\n", "x.md"));
        Constitution c = OpenDataConstitutionTest.build("brexit-consensus", SelectionParameters.DEFAULTS).constitution();
        assertEquals(c.principles().stream().map(Constitution.Principle::text).toList(),
                ConstitutionComparison.principlesOf(ConstitutionJson.write(c), "c.json"));
        assertEquals("empty.txt", assertThrows(Problem.class, () -> ConstitutionComparison.principlesOf("\n# x\n", "empty.txt")).where());
        assertEquals("bad.json", assertThrows(Problem.class, () -> ConstitutionComparison.principlesOf("{\"principles\": 3}", "bad.json")).where());
        assertEquals("threshold", assertThrows(Problem.class, () -> ConstitutionComparison.compare("a", List.of(), "b", List.of(), 0)).where());
    }
}
