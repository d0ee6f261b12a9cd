package org.charter.constitution;

import org.charter.problem.Problem;

import java.util.ArrayList;
import java.util.List;

/**
 * Compares two constitutions, as the Collective Constitutional AI authors compared the public constitution with
 * Anthropic's own: for each principle of A, the closest principle of B and their text similarity (cosine of
 * character n-gram TF-IDF vectors fitted on both constitutions, {@link TextVectors}), and the other way round; a
 * principle overlaps when its closest counterpart is at least {@code threshold} similar. The similarity is lexical:
 * it finds shared wording, not shared meaning in different words, so the overlap it reports is a lower bound of
 * what a reader would call conceptual overlap.
 */
public final class ConstitutionComparison {

    /** Default similarity for "overlapping" principles (see docs/constitution.md, "Comparing constitutions"). */
    public static final double DEFAULT_THRESHOLD = 0.5;

    private ConstitutionComparison() {
    }

    /**
     * The comparison.
     *
     * @param a       the first constitution's name
     * @param b       the second's
     * @param aToB    each principle of A with its closest principle of B
     * @param bToA    each principle of B with its closest principle of A
     * @param summary the overlap in numbers
     */
    public record Comparison(String a, String b, List<Match> aToB, List<Match> bToA, Summary summary) {
    }

    /**
     * A principle and its closest counterpart.
     *
     * @param index        1-based position of the principle
     * @param text         the principle
     * @param closestIndex 1-based position of the closest principle in the other constitution (0 when it is empty)
     * @param closest      that principle's text, or null
     * @param similarity   their similarity in [0, 1]
     * @param overlaps     whether the similarity reaches the threshold
     */
    public record Match(int index, String text, int closestIndex, String closest, double similarity,
                        boolean overlaps) {
    }

    /**
     * @param threshold    the similarity that counts as overlap
     * @param aPrinciples  principles in A
     * @param bPrinciples  principles in B
     * @param aOverlapping principles of A with a counterpart in B
     * @param bOverlapping principles of B with a counterpart in A
     * @param aShare       aOverlapping / aPrinciples (0 when A is empty)
     * @param bShare       bOverlapping / bPrinciples
     * @param meanSimilarity mean over A's principles of the similarity to their closest counterpart
     */
    public record Summary(double threshold, int aPrinciples, int bPrinciples, int aOverlapping, int bOverlapping,
                          double aShare, double bShare, double meanSimilarity) {
    }

    public static Comparison compare(String aName, List<String> a, String bName, List<String> b, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw Problem.invalid("threshold", "must be above 0 and at most 1, found " + threshold);
        }
        List<String> corpus = new ArrayList<>(a);
        corpus.addAll(b);
        TextVectors vectors = TextVectors.fit(corpus);
        List<TextVectors.Vector> va = a.stream().map(vectors::vector).toList();
        List<TextVectors.Vector> vb = b.stream().map(vectors::vector).toList();
        List<Match> aToB = matches(a, va, b, vb, threshold);
        List<Match> bToA = matches(b, vb, a, va, threshold);
        int aOver = (int) aToB.stream().filter(Match::overlaps).count();
        int bOver = (int) bToA.stream().filter(Match::overlaps).count();
        double mean = aToB.stream().mapToDouble(Match::similarity).average().orElse(0);
        return new Comparison(aName, bName, aToB, bToA, new Summary(threshold, a.size(), b.size(), aOver, bOver,
                a.isEmpty() ? 0 : (double) aOver / a.size(), b.isEmpty() ? 0 : (double) bOver / b.size(), mean));
    }

    private static List<Match> matches(List<String> from, List<TextVectors.Vector> vf, List<String> to,
                                       List<TextVectors.Vector> vt, double threshold) {
        List<Match> out = new ArrayList<>();
        for (int i = 0; i < from.size(); i++) {
            int best = -1;
            double bestSimilarity = 0;
            for (int j = 0; j < to.size(); j++) {
                double s = vf.get(i).cosine(vt.get(j));
                if (best < 0 || s > bestSimilarity) {
                    best = j;
                    bestSimilarity = s;
                }
            }
            out.add(new Match(i + 1, from.get(i), best + 1, best < 0 ? null : to.get(best), bestSimilarity,
                    best >= 0 && bestSimilarity >= threshold - 1e-9)); // identical texts: cosine 1 up to rounding
        }
        return out;
    }

    /**
     * The principles of a constitution file: a Charter JSON export (its principles' texts), or plain text with one
     * principle per line — blank lines and lines starting with {@code #} are skipped, and list markers ("- ", "* ",
     * "1. ", "1) ") are removed, so a Markdown list or a CAI principle list works as is.
     */
    public static List<String> principlesOf(String content, String where) {
        String trimmed = content.strip();
        if (trimmed.startsWith("{")) {
            return ConstitutionJson.read(trimmed, where).principles().stream().map(Constitution.Principle::text)
                    .toList();
        }
        List<String> principles = new ArrayList<>();
        for (String line : content.split("\\R")) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            l = l.replaceFirst("^([-*•]|\\d+[.)])\\s+", "").strip();
            if (!l.isEmpty()) {
                principles.add(l);
            }
        }
        if (principles.isEmpty()) {
            throw Problem.invalid(where, "no principles: expected a Charter constitution JSON or one principle per line");
        }
        return principles;
    }

    /** The comparison as a Markdown report. */
    public static String markdown(Comparison c) {
        StringBuilder md = new StringBuilder();
        Summary s = c.summary();
        md.append("# ").append(ConstitutionMarkdown.escape(c.a())).append(" compared with ")
                .append(ConstitutionMarkdown.escape(c.b())).append("\n\n");
        md.append(s.aOverlapping()).append(" of ").append(s.aPrinciples()).append(" principles of A (")
                .append(ConstitutionMarkdown.percent(s.aShare())).append(") and ").append(s.bOverlapping())
                .append(" of ").append(s.bPrinciples()).append(" of B (").append(ConstitutionMarkdown.percent(s.bShare()))
                .append(") have a counterpart with text similarity of at least ")
                .append(ConstitutionCsv.decimal(s.threshold(), 2)).append(" (cosine of character n-gram TF-IDF "
                        + "vectors; lexical, so a lower bound of conceptual overlap).\n\n");
        md.append("| # | principle of A | closest principle of B | similarity |\n|---:|---|---|---:|\n");
        for (Match m : c.aToB()) {
            md.append("| ").append(m.index()).append(" | ").append(ConstitutionMarkdown.escape(m.text())).append(" | ")
                    .append(m.closest() == null ? "" : m.closestIndex() + ". " + ConstitutionMarkdown.escape(m.closest()))
                    .append(" | ").append(ConstitutionCsv.decimal(m.similarity(), 2)).append(m.overlaps() ? " ✓" : "")
                    .append(" |\n");
        }
        return md.toString();
    }
}
