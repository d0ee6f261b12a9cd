package org.charter.constitution;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

class VersionDiffTest {

    private static Constitution.Principle p(String text, Long... ids) {
        return new Constitution.Principle(text, CaiRewrite.rewrite(text), List.of(ids), 0.5, null, Map.of(), 0, Map.of(),
                List.of(), null);
    }

    private static Constitution c(Constitution.Principle... principles) {
        return new Constitution("t", List.of(principles), List.of(), List.of(), List.of(), SelectionParameters.DEFAULTS,
                new Constitution.Source("c", null, null, null, 0, 0, 0, Map.of(), null), null);
    }

    @Test
    void pairsPrinciplesByTheirStatements() {
        Constitution v1 = c(p("Be honest", 1L), p("Be kind", 2L, 3L), p("Be brief", 4L), p("Be fair", 5L));
        Constitution v2 = c(p("Be kind", 2L), p("Always be honest", 1L), p("Be fair", 5L), p("Be open", 6L));
        VersionDiff d = VersionDiff.of(1, v1, 2, v2);
        assertEquals(List.of("Be open"), d.added().stream().map(VersionDiff.Item::text).toList());
        assertEquals(4, d.added().getFirst().position());
        assertEquals(List.of("Be brief"), d.removed().stream().map(VersionDiff.Item::text).toList());
        assertEquals(1, d.reworded().size());
        assertEquals("Be honest", d.reworded().getFirst().before());
        assertEquals("Always be honest", d.reworded().getFirst().after());
        assertEquals(2, d.moved().size()); // kind 2 → 1, honest 1 → 2
        assertEquals(List.of(List.of(2L, 3L)), d.regrouped().stream().map(VersionDiff.Regrouped::before).toList());
        assertEquals(1, d.unchanged()); // Be fair
        VersionDiff same = VersionDiff.of(1, v1, 1, v1);
        assertEquals(4, same.unchanged());
        assertEquals(0, same.added().size() + same.removed().size() + same.reworded().size() + same.moved().size());
    }
}
