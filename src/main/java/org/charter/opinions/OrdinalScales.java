package org.charter.opinions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides whether a question's options form an ordinal scale and where each option sits on it, for the
 * Wasserstein metric (OpinionQA, Santurkar et al. 2023). GlobalOpinionQA does not say which questions are
 * ordinal, so Charter infers it from the option labels with the rules below (documented in docs/opinions.md);
 * a dataset may instead give positions explicitly in an {@code ordinal} column, which always wins.
 * <ol>
 *   <li><b>Non-substantive options are dropped</b>: don't know, refused, no answer, missing, not applicable,
 *       never heard of, table artefacts such as "Total N=" (OpinionQA likewise leaves "Refused" off the scale).</li>
 *   <li><b>Volunteered answers</b> marked "(VOL)", "(DO NOT READ)" or "(spontaneous)" are off the scale too,
 *       unless they are a middle answer (rule 4).</li>
 *   <li>Two substantive options: a <b>binary</b> question, positions 1 and 2 (OpinionQA treats these as ordinal;
 *       the normalized Wasserstein distance is then the difference in the first option's share).</li>
 *   <li><b>Middle answers</b> ("neither", "both", "about the same", "no change", "hard to say", "depends",
 *       "right amount"…) are placed between their neighbours when listed between scale points, otherwise at the
 *       scale's midpoint, as OpinionQA places "About the same" at 1.5 between "Better" (1) and "Worse" (2).</li>
 *   <li>With three or more scale points the question is ordinal when they form a <b>numeric scale</b> (numbers,
 *       with at most one text anchor at each end, e.g. "Never justifiable", 2 … 9, "Always justifiable") or when
 *       <b>every scale point carries a degree word</b> (very, somewhat, strongly, a great deal, not too, not at
 *       all, mostly, major/minor, probably…) or a polarity word (agree/disagree, likely/unlikely, favorable…),
 *       with at least one degree word among them. Otherwise the question is nominal and has no scale.</li>
 * </ol>
 * Scale points are numbered 1..m in the order the survey lists them. Known limitation: an asymmetric scale whose
 * middle-like answer is really an end ("Much more", "Somewhat more", "No change") gets the midpoint.
 */
public final class OrdinalScales {

    private static final Pattern NON_SUBSTANTIVE = Pattern.compile(
            "^(dk\\b|don'?t know|dont know|don'?t\\s*-|refused|no answer|not sure|can'?t say|cannot say|missing\\b"
                    + "|other missing|not applicable|n/a$|inap\\b|not asked|decline|prefer not|never heard"
                    + "|have not heard|haven'?t heard|not familiar|total\\b)"
                    + "|refused|\\bdk/|don'?t know|\\(dk\\)");

    private static final Pattern VOLUNTEERED = Pattern.compile(
            "\\((vol\\.?|volunteered|do not read|don'?t read|spontaneous)\\)");

    private static final Pattern MIDDLE = Pattern.compile(
            "\\b(neither|both|about the same|the same|same|no change|no difference|not make a difference"
                    + "|hard to say|depends|mixed|in between|about right|right amount|as important as|equally"
                    + "|no impact|no effect|neutral|about as is|half and half)\\b");

    private static final Pattern DEGREE = Pattern.compile(
            "\\b(very|somewhat|strongly|completely|mostly|fairly|rather|quite|moderately|definitely|probably"
                    + "|slightly|extremely|absolutely|totally|mainly|a great deal|great deal|a good deal|a lot|lot of"
                    + "|fair amount|a little|not too|not very|not much|not at all|at all|much|more|less|most|least"
                    + "|major|minor|small|big|great|some|never|always|often|frequently|sometimes|rarely|seldom"
                    + "|too|lower|higher|none)\\b|^(no|not)\\b");

    private static final Pattern POLARITY = Pattern.compile(
            "\\b(agree|disagree|likely|unlikely|favou?rable|unfavou?rable|good|bad|better|worse|satisfied"
                    + "|dissatisfied|approve|disapprove|support|oppose|increase|decrease|important|serious|concerned"
                    + "|interested|easy|difficult|succeed|fail|trust|confidence|well)\\b");

    private static final Pattern NUMBER = Pattern.compile("^[+-]?\\d+(\\.\\d+)?$");

    private enum Kind { OFF, MIDDLE, SCALE }

    private OrdinalScales() {
    }

    /** The inferred scale of a question with these options, or empty when the question is not ordinal. */
    public static Optional<OrdinalScale> infer(List<String> options) {
        int n = options.size();
        Kind[] kind = new Kind[n];
        List<Integer> substantive = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String label = normalize(options.get(i));
            if (label.isEmpty() || NON_SUBSTANTIVE.matcher(label).find()) {
                kind[i] = Kind.OFF;
                continue;
            }
            substantive.add(i);
            boolean middle = MIDDLE.matcher(label).find();
            boolean volunteered = VOLUNTEERED.matcher(label).find();
            kind[i] = middle ? Kind.MIDDLE : volunteered ? Kind.OFF : Kind.SCALE;
        }
        double[] positions = new double[n];
        java.util.Arrays.fill(positions, Double.NaN);
        if (substantive.size() == 2) {
            positions[substantive.get(0)] = 1;
            positions[substantive.get(1)] = 2;
            return Optional.of(new OrdinalScale(positions, "inferred: binary question"));
        }
        List<Integer> scale = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (kind[i] == Kind.SCALE) {
                scale.add(i);
            }
        }
        if (scale.size() < 2) {
            return Optional.empty();
        }
        String basis;
        if (scale.size() == 2) {
            basis = "inferred: two-sided question with a middle answer";
        } else if (isNumericScale(options, scale)) {
            basis = "inferred: numeric scale";
        } else if (hasScaleWords(options, scale)) {
            basis = "inferred: scale words";
        } else {
            return Optional.empty();
        }
        int m = scale.size();
        for (int k = 0; k < m; k++) {
            positions[scale.get(k)] = k + 1;
        }
        for (int i = 0; i < n; i++) {
            if (kind[i] == Kind.MIDDLE) {
                positions[i] = middlePosition(scale, i);
            }
        }
        return Optional.of(new OrdinalScale(positions, basis));
    }

    /** Between its neighbours when listed inside the scale (k + 0.5), else the midpoint (1 + m) / 2. */
    private static double middlePosition(List<Integer> scale, int option) {
        int before = 0;
        for (int s : scale) {
            if (s < option) {
                before++;
            }
        }
        return before > 0 && before < scale.size() ? before + 0.5 : (1 + scale.size()) / 2.0;
    }

    private static boolean isNumericScale(List<String> options, List<Integer> scale) {
        int first = -1;
        int last = -1;
        int count = 0;
        for (int k = 0; k < scale.size(); k++) {
            if (NUMBER.matcher(options.get(scale.get(k)).strip()).matches()) {
                if (first < 0) {
                    first = k;
                }
                last = k;
                count++;
            }
        }
        // numbers contiguous, at most one text anchor at each end
        return count >= 2 && count == last - first + 1 && first <= 1 && last >= scale.size() - 2
                && scale.size() >= 3;
    }

    private static boolean hasScaleWords(List<String> options, List<Integer> scale) {
        boolean anyDegree = false;
        for (int i : scale) {
            String label = normalize(options.get(i));
            boolean degree = DEGREE.matcher(label).find();
            anyDegree |= degree;
            if (!degree && !POLARITY.matcher(label).find()) {
                return false;
            }
        }
        return anyDegree;
    }

    private static String normalize(String option) {
        return option.strip().toLowerCase(Locale.ROOT).replace('\u2019', '\'').replace('\u2018', '\'');
    }

    /** True when an option is a don't-know/refused/no-answer style answer (rule 1). */
    public static boolean isNonSubstantive(String option) {
        String label = normalize(option);
        return label.isEmpty() || NON_SUBSTANTIVE.matcher(label).find();
    }
}
