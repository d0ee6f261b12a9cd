package org.charter.opinions;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Option lists taken from GlobalOpinionQA questions. */
class OrdinalScalesTest {

    private static final double NaN = Double.NaN;

    private static double[] positions(String... options) {
        Optional<OrdinalScale> s = OrdinalScales.infer(List.of(options));
        assertTrue(s.isPresent(), () -> "expected ordinal: " + List.of(options));
        return s.get().positions();
    }

    private static void nominal(String... options) {
        assertEquals(Optional.empty(), OrdinalScales.infer(List.of(options)), () -> List.of(options).toString());
    }

    @Test
    void fourPointScaleWithRefusalDropped() {
        assertArrayEquals(new double[]{1, 2, 3, 4, NaN},
                positions("Very favorable", "Somewhat favorable", "Somewhat unfavorable", "Very unfavorable", "DK/Refused"));
    }

    @Test
    void worldValuesSurveyMissingCodesAreDropped() {
        assertArrayEquals(new double[]{1, 2, 3, 4, NaN, NaN, NaN},
                positions("A great deal", "Quite a lot", "Not very much", "None at all", "Don't know", "No answer",
                        "Other missing; Multiple answers Mail (EVS)"));
    }

    @Test
    void binaryQuestionsAreOrdinal() {
        assertArrayEquals(new double[]{1, 2, NaN}, positions("Yes", "No", "DK/Refused"));
        assertArrayEquals(new double[]{1, 2}, positions("Freedom", "Equality"));
    }

    @Test
    void middleAnswerListedLastGoesToTheMidpointAsInOpinionQa() {
        assertArrayEquals(new double[]{1, 2, 1.5, NaN}, positions("Better", "Worse", "About the same", "DK/Refused"));
        assertArrayEquals(new double[]{1, 2, 1.5, 1.5, NaN},
                positions("Strengthened", "Weakened", "Neither (VOL)", "Neither (DO NOT READ)", "DK/Refused"));
    }

    @Test
    void middleAnswerListedInsideKeepsItsPlace() {
        assertArrayEquals(new double[]{1, 2, 2.5, 3, 4, NaN, NaN, NaN},
                positions("Agree strongly", "Agree", "Neither agree nor disagree", "Disagree", "Disagree strongly",
                        "Don't know", "No answer", "Other missing; Multiple answers Mail (EVS)"));
        assertArrayEquals(new double[]{1, 1.5, 2, NaN, NaN, NaN},
                positions("Disagree", "Hard to say", "Agree", "Don't know", "No answer", "Missing; Not available"));
    }

    @Test
    void numericScalesWithTextAnchors() {
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN, NaN, NaN},
                positions("Never justifiable", "2", "3", "4", "5", "6", "7", "8", "9", "Always justifiable",
                        "Don't know", "No answer", "Other missing; Multiple answers Mail (EVS)"));
        assertArrayEquals(new double[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11},
                positions("0.0", "1.0", "2.0", "3.0", "4.0", "5.0", "6.0", "7.0", "8.0", "9.0", "10.0"));
    }

    @Test
    void volunteeredOffScaleAnswersAreDropped() {
        assertArrayEquals(new double[]{1, 2, 3, 4, NaN, NaN},
                positions("Very likely", "Somewhat likely", "Somewhat unlikely", "Very unlikely",
                        "Has already happened (DO NOT READ)", "DK/Refused"));
        // the spontaneous end point of this WVS item is off the scale, the rest is a 1-10 scale
        assertArrayEquals(new double[]{NaN, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, NaN, NaN, NaN},
                positions("It is against democracy (spontaneous)", "Not an essential characteristic of democracy",
                        "2", "3", "4", "5", "6", "7", "8", "9", "An essential characteristic of democracy",
                        "Don't know", "No answer", "Other missing; Multiple answers Mail (EVS)"));
    }

    @Test
    void neverHeardOfIsNotTheEndOfAFavourabilityScale() {
        assertArrayEquals(new double[]{1, 2, 3, 4, NaN},
                positions("Very favorable", "Somewhat favorable", "Somewhat unfavorable", "Very unfavorable", "Never heard of"));
    }

    @Test
    void lexicalScalesWithoutVeryOrSomewhat() {
        assertArrayEquals(new double[]{1, 2, 3}, positions("Major threat", "Minor threat", "Not a threat"));
        assertArrayEquals(new double[]{1, 2, 3, 4},
                positions("Definitely succeed", "Probably succeed", "Probably fail", "Definitely fail"));
        assertArrayEquals(new double[]{1, 2, 1.5}, positions("Too much", "Not enough", "Right amount"));
    }

    @Test
    void listsOfCountriesTopicsOrStatementsAreNominal() {
        nominal("India", "Germany", "China", "Brazil", "Japan", "United States", "Russia", "Other (VOL)");
        nominal("Spread of nuclear weapons", "Religious and ethnic hatred", "AIDS and other infectious diseases",
                "Pollution and other environmental problems", "Growing gap between the rich and poor");
        nominal("United States", "China", "European Union", "None/No difference (VOL)", "Other (VOL)");
        nominal("Morally acceptable", "Morally unacceptable", "Not a moral issue", "Depends on the situation (VOL)");
        nominal("Have done", "Might do", "Would never do", "Don't know", "No answer");
    }

    @Test
    void onlyOneSubstantiveOptionIsNotAScale() {
        nominal("Mentioned", "Don't know", "No answer");
    }
}
