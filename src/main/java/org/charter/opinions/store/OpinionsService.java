package org.charter.opinions.store;

import io.micronaut.context.annotation.Value;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.charter.opinions.AnswerFormat;
import org.charter.opinions.AnswerSet;
import org.charter.opinions.AnswerSetReader;
import org.charter.opinions.ComparisonReport;
import org.charter.opinions.Issue;
import org.charter.opinions.OrdinalScale;
import org.charter.opinions.Similarity;
import org.charter.opinions.SimilarityOptions;
import org.charter.opinions.SimilarityReport;
import org.charter.opinions.SurveyCsvReader;
import org.charter.opinions.SurveyDataset;
import org.charter.opinions.SurveyQuestion;
import org.charter.problem.Problem;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Survey datasets and model answer sets on PostgreSQL, and the similarity results computed from them. Uploads are
 * read in full by the pure readers first and stored in one transaction, so a failed upload stores nothing.
 * Stored datasets and answer sets never change, so loaded ones are kept in a small in-memory cache.
 */
@Singleton
public class OpinionsService {

    /** Issues kept per upload; a broken file can produce one per row, and the first ones say enough. */
    static final int MAX_ISSUES = 1000;

    private final SurveyDatasetRepository datasets;
    private final SurveyQuestionRepository questions;
    private final SurveyDistributionRepository distributions;
    private final SurveyDatasetIssueRepository datasetIssues;
    private final AnswerSetRepository answerSets;
    private final AnswerDistributionRepository answerDistributions;
    private final AnswerSetWarningRepository answerWarnings;
    private final int maxUploadBytes;
    private final LoadedCache<Long, SurveyDataset> loadedDatasets = new LoadedCache<>(4);
    private final LoadedCache<Long, AnswerSet> loadedAnswerSets = new LoadedCache<>(16);

    public OpinionsService(SurveyDatasetRepository datasets, SurveyQuestionRepository questions,
                           SurveyDistributionRepository distributions, SurveyDatasetIssueRepository datasetIssues,
                           AnswerSetRepository answerSets, AnswerDistributionRepository answerDistributions,
                           AnswerSetWarningRepository answerWarnings,
                           @Value("${charter.opinions.max-upload-bytes:10000000}") int maxUploadBytes) {
        this.datasets = datasets;
        this.questions = questions;
        this.distributions = distributions;
        this.datasetIssues = datasetIssues;
        this.answerSets = answerSets;
        this.answerDistributions = answerDistributions;
        this.answerWarnings = answerWarnings;
        this.maxUploadBytes = maxUploadBytes;
    }

    public int maxUploadBytes() {
        return maxUploadBytes;
    }

    /** Refuses an upload over the size limit before anything is read. */
    public void checkSize(long bytes, String field) {
        if (bytes > maxUploadBytes) {
            throw Problem.of(Problem.Kind.TOO_LARGE, field, "the upload has " + bytes + " bytes; the limit is "
                    + maxUploadBytes + " bytes");
        }
    }

    // --- datasets ------------------------------------------------------------------------------------------------

    @Transactional
    public DatasetSummary createDataset(Long ownerId, String name, String fileName, String csv) {
        String n = checkName(name);
        checkSize(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, "file");
        String file = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.strip();
        SurveyDataset d = SurveyCsvReader.read(csv, file);
        if (datasets.existsByName(n)) {
            throw Problem.conflict("name", "a dataset named '" + n + "' exists already");
        }
        SurveyDatasetRow row;
        try {
            row = datasets.save(new SurveyDatasetRow(null, n, file, ownerId, d.rows(), d.questions().size(), d.countries().size(),
                    d.distributionCount(), (int) d.ordinalQuestionCount(), null));
        } catch (DataAccessException e) {
            throw uniqueViolation(e) ? Problem.conflict("name", "a dataset named '" + n + "' exists already") : e;
        }
        long id = row.id();
        List<SurveyQuestionRow> questionRows = new ArrayList<>();
        for (SurveyQuestion q : d.questions()) {
            questionRows.add(new SurveyQuestionRow(null, id, q.qid(), q.line(), q.text(), q.options().toArray(String[]::new),
                    q.source(), q.ordinal() == null ? null : q.ordinal().positions(),
                    q.ordinal() == null ? null : q.ordinal().basis()));
        }
        List<SurveyQuestionRow> saved = new ArrayList<>();
        questions.saveAll(questionRows).forEach(saved::add);
        List<SurveyDistributionRow> distributionRows = new ArrayList<>();
        for (int i = 0; i < saved.size(); i++) {
            long questionId = saved.get(i).id();
            d.questions().get(i).countries().forEach((country, shares) ->
                    distributionRows.add(new SurveyDistributionRow(null, questionId, country, shares)));
        }
        distributions.insertAll(distributionRows);
        List<SurveyDatasetIssueRow> issues = new ArrayList<>();
        addIssues(issues, id, "skipped", d.skipped());
        addIssues(issues, id, "warning", d.warnings());
        datasetIssues.saveAll(issues);
        // what load() would read back; if this transaction rolls back, load() finds no row and never uses it
        loadedDatasets.put(id, new SurveyDataset(n, d.rows(), d.questions(), List.of(), List.of()));
        return summary(row);
    }

    private static void addIssues(List<SurveyDatasetIssueRow> out, long datasetId, String kind, List<Issue> issues) {
        for (int i = 0; i < issues.size() && i < MAX_ISSUES; i++) {
            Issue issue = issues.get(i);
            out.add(new SurveyDatasetIssueRow(null, datasetId, kind, i, issue.line(), issue.column(), issue.message()));
        }
        if (issues.size() > MAX_ISSUES) {
            Issue last = issues.getLast();
            out.add(new SurveyDatasetIssueRow(null, datasetId, kind, MAX_ISSUES, last.line(), null,
                    (issues.size() - MAX_ISSUES) + " more not stored; the last at this line: " + last.message()));
        }
    }

    @Transactional
    public List<DatasetSummary> datasets() {
        return datasets.listOrderByIdDesc().stream().map(this::summary).toList();
    }

    @Transactional
    public DatasetSummary dataset(long id) {
        return summary(datasetRow(id));
    }

    @Transactional
    public void deleteDataset(long id, long organizerId) {
        SurveyDatasetRow row = datasetRow(id);
        requireOwner(row.ownerId(), organizerId, "dataset " + id);
        datasets.delete(row);
        loadedDatasets.remove(id);
    }

    /** Only who uploaded something may delete it; what Charter ships (no owner) stays. */
    private static void requireOwner(Long ownerId, long organizerId, String what) {
        if (ownerId == null) {
            throw Problem.of(Problem.Kind.FORBIDDEN, null, what + " ships with Charter and cannot be deleted");
        }
        if (ownerId != organizerId) {
            throw Problem.of(Problem.Kind.FORBIDDEN, null, "only the account that uploaded " + what + " may delete it");
        }
    }

    private SurveyDatasetRow datasetRow(long id) {
        return datasets.findById(id).orElseThrow(() -> Problem.notFound("datasetId", "no survey dataset " + id));
    }

    private DatasetSummary summary(SurveyDatasetRow row) {
        Map<String, Long> sources = new LinkedHashMap<>();
        questions.sources(row.id()).forEach(s -> sources.put(s.source(), s.count()));
        List<IssueView> skipped = new ArrayList<>();
        List<IssueView> warnings = new ArrayList<>();
        for (SurveyDatasetIssueRow i : datasetIssues.findByDatasetIdOrderByKindAscAndPositionAsc(row.id())) {
            (i.kind().equals("skipped") ? skipped : warnings).add(new IssueView(i.line(), i.columnName(), i.message()));
        }
        return new DatasetSummary(row.id(), row.name(), row.fileName(), row.rowCount(), row.questionCount(),
                row.countryCount(), row.distributionCount(), row.ordinalCount(), sources, skipped, warnings, row.createdAt());
    }

    @Transactional
    public QuestionPage questions(long datasetId, String search, int offset, int limit) {
        datasetRow(datasetId);
        if (offset < 0) {
            throw Problem.invalid("offset", "must not be negative");
        }
        if (limit < 1 || limit > 500) {
            throw Problem.invalid("limit", "must be between 1 and 500");
        }
        String s = search == null ? "" : search.strip();
        List<QuestionPage.Entry> entries = questions.page(datasetId, s, limit, offset).stream()
                .map(q -> new QuestionPage.Entry(q.qid(), q.line(), q.text(), List.of(q.options()), q.source(),
                        Similarity.positions(scale(q)), q.ordinalBasis()))
                .toList();
        return new QuestionPage(questions.countPage(datasetId, s), offset, limit, entries);
    }

    /** The dataset as the pure code sees it (cached: stored datasets never change). */
    @Transactional
    public SurveyDataset load(long datasetId) {
        SurveyDatasetRow row = datasetRow(datasetId); // also when cached: another instance may have deleted it
        SurveyDataset cached = loadedDatasets.get(datasetId);
        if (cached != null) {
            return cached;
        }
        Map<Long, Map<String, double[]>> shares = new HashMap<>();
        for (SurveyDistributionRow d : distributions.findByDataset(datasetId)) {
            shares.computeIfAbsent(d.questionId(), k -> new LinkedHashMap<>()).put(d.country(), d.shares());
        }
        List<SurveyQuestion> list = new ArrayList<>();
        for (SurveyQuestionRow q : questions.findByDatasetIdOrderByQid(datasetId)) {
            list.add(new SurveyQuestion(q.qid(), q.line(), q.text(), List.of(q.options()), q.source(),
                    shares.getOrDefault(q.id(), Map.of()), scale(q)));
        }
        SurveyDataset dataset = new SurveyDataset(row.name(), row.rowCount(), list, List.of(), List.of());
        loadedDatasets.put(datasetId, dataset);
        return dataset;
    }

    private static OrdinalScale scale(SurveyQuestionRow q) {
        return q.ordinal() == null ? null : new OrdinalScale(q.ordinal(), q.ordinalBasis() == null ? "" : q.ordinalBasis());
    }

    @Transactional
    public String datasetCsv(long datasetId) {
        return org.charter.opinions.SurveyCsvWriter.write(load(datasetId));
    }

    @Transactional
    public Similarity.QuestionDetail question(long datasetId, int qid) {
        SurveyQuestion q = load(datasetId).question(qid)
                .orElseThrow(() -> Problem.notFound("qid", "dataset " + datasetId + " has no question " + qid));
        return Similarity.questionDetail(q, new AnswerSet("none", Map.of(), List.of()), SimilarityOptions.defaults());
    }

    // --- answer sets ---------------------------------------------------------------------------------------------

    @Transactional
    public AnswerSetSummary createAnswerSet(Long ownerId, long datasetId, String name, String fileName, String text,
                                            AnswerFormat format, String country, boolean lenient) {
        String n = checkName(name);
        checkSize(text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length, "file");
        SurveyDataset dataset = load(datasetId);
        String file = fileName == null || fileName.isBlank() ? "upload." + format.name().toLowerCase(java.util.Locale.ROOT)
                : fileName.strip();
        AnswerSet set = AnswerSetReader.read(text, format, dataset, file, n,
                new AnswerSetReader.Options(country == null || country.isBlank() ? null : country.strip(), lenient));
        if (answerSets.existsByDatasetIdAndName(datasetId, n)) {
            throw Problem.conflict("name", "dataset " + datasetId + " has an answer set named '" + n + "' already");
        }
        AnswerSetRow row;
        try {
            row = answerSets.save(new AnswerSetRow(null, datasetId, n, file, ownerId, set.size(), null));
        } catch (DataAccessException e) {
            throw uniqueViolation(e) ? Problem.conflict("name", "dataset " + datasetId + " has an answer set named '"
                    + n + "' already") : e;
        }
        Map<Integer, Long> questionIds = new HashMap<>();
        questions.findByDatasetIdOrderByQid(datasetId).forEach(q -> questionIds.put(q.qid(), q.id()));
        List<AnswerDistributionRow> rows = new ArrayList<>();
        set.distributions().forEach((qid, p) -> rows.add(new AnswerDistributionRow(null, row.id(), questionIds.get(qid), qid, p)));
        answerDistributions.insertAll(rows);
        List<AnswerSetWarningRow> warnings = new ArrayList<>();
        for (int i = 0; i < set.warnings().size() && i < MAX_ISSUES; i++) {
            Issue w = set.warnings().get(i);
            warnings.add(new AnswerSetWarningRow(null, row.id(), i, w.line(), w.column(), w.message()));
        }
        answerWarnings.saveAll(warnings);
        return answerSummary(row);
    }

    @Transactional
    public List<AnswerSetSummary> answerSets(long datasetId) {
        datasetRow(datasetId);
        return answerSets.findByDatasetIdOrderById(datasetId).stream().map(this::answerSummary).toList();
    }

    @Transactional
    public AnswerSetSummary answerSet(long datasetId, long setId) {
        return answerSummary(answerSetRow(datasetId, setId));
    }

    @Transactional
    public void deleteAnswerSet(long datasetId, long setId, long organizerId) {
        AnswerSetRow row = answerSetRow(datasetId, setId);
        if (!Objects.equals(datasetRow(datasetId).ownerId(), organizerId)) {
            requireOwner(row.ownerId(), organizerId, "answer set " + setId);
        }
        answerSets.delete(row);
        loadedAnswerSets.remove(setId);
    }

    private AnswerSetRow answerSetRow(long datasetId, long setId) {
        datasetRow(datasetId);
        return answerSets.findByIdAndDatasetId(setId, datasetId)
                .orElseThrow(() -> Problem.notFound("answerSetId", "dataset " + datasetId + " has no answer set " + setId));
    }

    private AnswerSetSummary answerSummary(AnswerSetRow row) {
        List<IssueView> warnings = answerWarnings.findByAnswerSetIdOrderByPosition(row.id()).stream()
                .map(w -> new IssueView(w.line(), w.columnName(), w.message())).toList();
        return new AnswerSetSummary(row.id(), row.datasetId(), row.name(), row.fileName(), row.questionCount(), warnings,
                row.createdAt());
    }

    @Transactional
    public AnswerSet loadAnswers(long datasetId, long setId) {
        AnswerSetRow row = answerSetRow(datasetId, setId);
        AnswerSet cached = loadedAnswerSets.get(setId);
        if (cached != null) {
            return cached;
        }
        Map<Integer, double[]> d = new HashMap<>();
        answerDistributions.findByAnswerSetIdOrderByQid(setId).forEach(a -> d.put(a.qid(), a.probabilities()));
        AnswerSet set = new AnswerSet(row.name(), d, List.of());
        loadedAnswerSets.put(setId, set);
        return set;
    }

    /** JSON lines, one {@code {"qid", "distribution"}} per question, as the readers accept them. */
    @Transactional
    public String answersJsonl(long datasetId, long setId) {
        StringBuilder out = new StringBuilder();
        loadAnswers(datasetId, setId).distributions().forEach((qid, p) -> {
            out.append("{\"qid\": ").append(qid).append(", \"distribution\": [");
            for (int i = 0; i < p.length; i++) {
                out.append(i == 0 ? "" : ", ").append(p[i]);
            }
            out.append("]}\n");
        });
        return out.toString();
    }

    // --- results -------------------------------------------------------------------------------------------------

    @Transactional
    public SimilarityReport results(long datasetId, long setId, SimilarityOptions options) {
        return Similarity.report(load(datasetId), loadAnswers(datasetId, setId), options);
    }

    @Transactional
    public List<Similarity.QuestionScore> questionScores(long datasetId, long setId, String country,
                                                         SimilarityOptions options) {
        SurveyDataset dataset = load(datasetId);
        if (country == null || country.isBlank()) {
            throw Problem.invalid("country", "name a country");
        }
        if (!dataset.countries().contains(country)) {
            throw Problem.notFound("country", "no country '" + country + "' in dataset " + datasetId);
        }
        return Similarity.questionScores(dataset, loadAnswers(datasetId, setId), options, country);
    }

    @Transactional
    public Similarity.QuestionDetail answerDetail(long datasetId, long setId, int qid, SimilarityOptions options) {
        SurveyQuestion q = load(datasetId).question(qid)
                .orElseThrow(() -> Problem.notFound("qid", "dataset " + datasetId + " has no question " + qid));
        return Similarity.questionDetail(q, loadAnswers(datasetId, setId), options);
    }

    @Transactional
    public ComparisonReport compare(long datasetId, long beforeId, long afterId, SimilarityOptions options) {
        SurveyDataset dataset = load(datasetId);
        return Similarity.compare(dataset, loadAnswers(datasetId, beforeId), loadAnswers(datasetId, afterId), options);
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private static String checkName(String name) {
        if (name == null || name.isBlank()) {
            throw Problem.invalid("name", "give a name (for answer sets: model and condition, e.g. claude-default)");
        }
        String n = name.strip();
        if (n.length() > 200) {
            throw Problem.invalid("name", "at most 200 characters");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw Problem.invalid("name", "no control characters");
        }
        return n;
    }

    private static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** A small least-recently-used map. */
    private static final class LoadedCache<K, V> {
        private final Map<K, V> map;

        LoadedCache(int capacity) {
            this.map = new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                    return size() > capacity;
                }
            };
        }

        synchronized V get(K key) {
            return map.get(key);
        }

        synchronized void put(K key, V value) {
            map.put(key, value);
        }

        synchronized void remove(K key) {
            map.remove(key);
        }
    }
}
