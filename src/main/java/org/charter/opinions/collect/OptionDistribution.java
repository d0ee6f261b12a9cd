package org.charter.opinions.collect;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what a model returned into a distribution over a question's options.
 * <p>
 * From log-probabilities (OpinionQA's {@code get_probabilities}, Santurkar et al. 2023): the probability of option k
 * is the probability of the next token being its letter. Tokens that spell the same letter ("A", " A", "(A") are
 * added up. Letters missing from the top tokens get min(smallest listed probability, unlisted mass / number missing),
 * and the result is normalized over the options.
 * <p>
 * From samples: each answer's option letter is counted: a leading letter ("B", "(B) …", " b") or else the first
 * letter in parentheses ("I would choose (B)").
 */
public final class OptionDistribution {

    private static final Pattern LEADING_LETTER = Pattern.compile("^[\\s(\\[\"'*]*([A-Za-z])(?![A-Za-z])");
    private static final Pattern LETTER_IN_PARENTHESES = Pattern.compile("\\(([A-Z])\\)");

    private OptionDistribution() {
    }

    /** The letter a token spells (A–Z), or -1. */
    static int letterOf(String token) {
        String t = token.strip();
        if (t.startsWith("(")) {
            t = t.substring(1).strip();
        }
        if (t.endsWith(")")) {
            t = t.substring(0, t.length() - 1);
        }
        if (t.length() != 1 || !Character.isLetter(t.charAt(0))) {
            return -1;
        }
        char c = t.toUpperCase(Locale.ROOT).charAt(0);
        return c >= 'A' && c <= 'Z' ? c - 'A' : -1;
    }

    /** The distribution from one position's top log-probabilities (token → logprob); null when no option is listed. */
    static double[] fromLogprobs(List<Map.Entry<String, Double>> top, int options) {
        double[] p = new double[options];
        boolean[] seen = new boolean[options];
        double listed = 0;
        double smallest = Double.POSITIVE_INFINITY;
        for (Map.Entry<String, Double> e : top) {
            double prob = Math.exp(e.getValue());
            listed += prob;
            smallest = Math.min(smallest, prob);
            int k = letterOf(e.getKey());
            if (k >= 0 && k < options) {
                p[k] += prob;
                seen[k] = true;
            }
        }
        int missing = 0;
        for (boolean s : seen) {
            missing += s ? 0 : 1;
        }
        if (missing == options) {
            return null;
        }
        if (missing > 0) {
            double fill = Math.min(smallest, Math.max(0, 1 - listed) / missing);
            for (int k = 0; k < options; k++) {
                if (!seen[k]) {
                    p[k] = fill;
                }
            }
        }
        double sum = 0;
        for (double v : p) {
            sum += v;
        }
        for (int k = 0; k < options; k++) {
            p[k] /= sum;
        }
        return p;
    }

    /** The option a sampled answer names by its first letter, or -1. */
    static int optionOfAnswer(String content, int options) {
        if (content == null) {
            return -1;
        }
        Matcher m = LEADING_LETTER.matcher(content);
        if (!m.find()) {
            m = LETTER_IN_PARENTHESES.matcher(content); // "I would choose (B)."
            if (!m.find()) {
                return -1;
            }
        }
        int k = Character.toUpperCase(m.group(1).charAt(0)) - 'A';
        return k >= 0 && k < options ? k : -1;
    }
}
