package org.charter.opinions;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A survey dataset in the GlobalOpinionQA form: questions with per-country answer distributions. Immutable.
 * {@code rows} counts the data rows read (parsed and skipped); {@code skipped} says which rows could not be used
 * and why; {@code warnings} lists smaller repairs (a country dropped from a question, a missing share).
 * Questions are kept in qid order.
 */
public final class SurveyDataset {


    private final String name;
    private final int rows;
    private final List<SurveyQuestion> questions;
    private final List<Issue> skipped;
    private final List<Issue> warnings;
    private final Map<Integer, SurveyQuestion> byQid = new HashMap<>();
    private final Map<String, List<SurveyQuestion>> byText = new HashMap<>();

    public SurveyDataset(String name, int rows, List<SurveyQuestion> questions, List<Issue> skipped, List<Issue> warnings) {
        this.name = name;
        this.rows = rows;
        this.questions = questions.stream().sorted(java.util.Comparator.comparingInt(SurveyQuestion::qid)).toList();
        this.skipped = List.copyOf(skipped);
        this.warnings = List.copyOf(warnings);
        for (SurveyQuestion q : this.questions) {
            if (byQid.put(q.qid(), q) != null) {
                throw new IllegalArgumentException("two questions with qid " + q.qid());
            }
            byText.computeIfAbsent(q.text(), t -> new ArrayList<>()).add(q);
        }
    }

    public String name() {
        return name;
    }

    public int rows() {
        return rows;
    }

    public List<SurveyQuestion> questions() {
        return questions;
    }

    public List<Issue> skipped() {
        return skipped;
    }

    public List<Issue> warnings() {
        return warnings;
    }

    public Optional<SurveyQuestion> question(int qid) {
        return Optional.ofNullable(byQid.get(qid));
    }

    /** Questions with exactly this text (usually one; GlobalOpinionQA repeats a few texts with other options). */
    public List<SurveyQuestion> questionsWithText(String text) {
        return byText.getOrDefault(text, List.of());
    }

    public SortedSet<String> countries() {
        SortedSet<String> all = new TreeSet<>();
        questions.forEach(q -> all.addAll(q.countries().keySet()));
        return Collections.unmodifiableSortedSet(all);
    }

    /** Number of questions per source (GAS, WVS…); questions without a source count under "". */
    public SortedMap<String, Integer> sources() {
        SortedMap<String, Integer> counts = new TreeMap<>();
        questions.forEach(q -> counts.merge(q.source(), 1, Integer::sum));
        return Collections.unmodifiableSortedMap(counts);
    }

    public int distributionCount() {
        return questions.stream().mapToInt(q -> q.countries().size()).sum();
    }

    public long ordinalQuestionCount() {
        return questions.stream().filter(q -> q.ordinal() != null).count();
    }
}
