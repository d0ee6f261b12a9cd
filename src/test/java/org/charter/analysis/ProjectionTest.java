package org.charter.analysis;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** §2.4–§2.5: participants and statements on the map. */
class ProjectionTest {

    @Test
    void participantsAreScaledByTheirShareOfVotes() {
        // Statement 2 is moderated out; components are the axes of statements 0 and 1.
        Votes votes = TestVotes.of("++-", "+..", "-+.");
        List<AnalysisInput.Statement> statements = List.of(AnalysisInput.Statement.of(0),
                AnalysisInput.Statement.of(1), new AnalysisInput.Statement(2, true, false));
        VoteMatrix m = VoteMatrix.of(votes, statements);
        // μ = (1/3, 1, 0).
        Pca.Fit axes = new Pca.Fit(m.mean, new double[]{1, 0, 0}, new double[]{0, 1, 0}, 1, 1, 0);
        double[][] p = Projection.participants(m, axes);
        // Participant 1 voted once on an included statement; the excluded column counts as seen: n = 2, C = 3.
        assertEquals(Math.sqrt(3.0 / 2) * (1 - 1.0 / 3), p[0][1], 1e-15);
        assertEquals(0.0, p[1][1], 0.0);
        // Participant 0: n = 3 (two included votes and the excluded column): scale 1.
        assertEquals(1 - 1.0 / 3, p[0][0], 1e-15);
        assertEquals(0.0, p[1][0], 0.0); // (1 − 1)·1
        // Participant 2: (−1 − 1/3, 1 − 1) scaled by √(3/3).
        assertEquals(-4.0 / 3, p[0][2], 1e-15);
    }

    @Test
    void statementsAreProjectedAsVirtualParticipantsAndExtremityIsTheirDistance() {
        VoteMatrix m = TestVotes.matrix("++", "--", "+-");
        double s = Math.sqrt(0.5);
        Pca.Fit fit = new Pca.Fit(m.mean, new double[]{s, s}, new double[]{s, -s}, 4, 4.0 / 3, 0);
        double[][] q = Projection.statements(m, fit);
        // √C · (1 − μ₀) · (w1₀, w2₀) = √2 · (2/3) · (√½, √½) = (2/3, 2/3)
        assertArrayEquals(new double[]{2.0 / 3, 2.0 / 3}, new double[]{q[0][0], q[1][0]}, 1e-15);
        double[] e = Projection.extremity(q);
        assertEquals(Math.sqrt(2) * 2.0 / 3, e[0], 1e-15);
        assertEquals(Math.sqrt(2) * 4.0 / 3, e[1], 1e-15); // 1 − (−1/3)
    }
}
