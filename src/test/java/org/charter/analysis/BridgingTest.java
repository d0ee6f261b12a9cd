package org.charter.analysis;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** §13: the Community-Notes-style bridging score. */
class BridgingTest {

    /**
     * Two camps of 20. Statements 0–2 split the camps (camp A agrees, camp B disagrees), 3–5 the other way round,
     * 6 wins both camps, 7 loses both, 8 wins camp A and half of camp B, 9 splits them like 0–2. (Each participant
     * rates all 10, the minimum for a rater.)
     */
    private static VoteMatrix camps() {
        String[] rows = new String[40];
        for (int p = 0; p < 40; p++) {
            boolean a = p < 20;
            rows[p] = (a ? "+++---" : "---+++") + "+-" + (a || p % 2 == 0 ? "+" : "-") + (a ? "+" : "-");
        }
        return TestVotes.matrix(rows);
    }

    @Test
    void aStatementBothCampsAgreeWithBridgesBest() {
        Bridging.Fit fit = Bridging.fit(camps(), AnalysisParameters.BridgingParameters.COMMUNITY_NOTES, 1);
        double bridge = fit.intercept()[6];
        for (int c = 0; c < 10; c++) {
            assertTrue(fit.scored()[c]);
            if (c != 6) {
                assertTrue(bridge > fit.intercept()[c], "statement 6 bridges better than " + c);
            }
        }
        // The partisan statements are explained by the factor, not the intercept: they sit between the
        // statement both camps reject and the one both accept, and a half-bridging statement beats them.
        for (int c : new int[]{0, 1, 2, 3, 4, 5, 9}) {
            assertTrue(fit.intercept()[c] > fit.intercept()[7], "partisan " + c + " above the rejected one");
            assertTrue(fit.intercept()[8] > fit.intercept()[c], "half-bridging above partisan " + c);
        }
        assertTrue(Math.abs(fit.factor()[0]) > 10 * Math.abs(fit.factor()[6]), "the factor carries the split");
    }

    @Test
    void theFitDoesNotDependOnTheRandomStart() {
        Bridging.Fit a = Bridging.fit(camps(), AnalysisParameters.BridgingParameters.COMMUNITY_NOTES, 1);
        Bridging.Fit b = Bridging.fit(camps(), AnalysisParameters.BridgingParameters.COMMUNITY_NOTES, 99);
        for (int c = 0; c < 10; c++) {
            assertEquals(a.intercept()[c], b.intercept()[c], 1e-3);
        }
    }

    @Test
    void passesExcludedStatementsAndLightParticipantsDoNotCount() {
        // 12 participants with 10 ratings each on statements 0–9; statement 10 gets only passes; statement 11
        // is moderated out; participant 12 has 2 ratings (below the 10 a rater needs).
        String[] rows = new String[13];
        for (int p = 0; p < 12; p++) {
            rows[p] = "+-+-+-+-+-" + "0" + "+";
        }
        rows[12] = "++..........";
        var statements = new java.util.ArrayList<>(TestVotes.statements(12));
        statements.set(11, new AnalysisInput.Statement(11, true, false));
        VoteMatrix m = VoteMatrix.of(TestVotes.of(rows), statements);
        Bridging.Fit fit = Bridging.fit(m, AnalysisParameters.BridgingParameters.COMMUNITY_NOTES, 1);
        assertTrue(fit.scored()[0]);
        assertFalse(fit.scored()[10], "passes are not ratings");
        assertFalse(fit.scored()[11], "moderated out");
        assertTrue(fit.intercept()[0] > 0 && fit.intercept()[1] < 0);
    }
}
