package org.charter.opinions.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.charter.security.CurrentOrganizer;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Part;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.charter.opinions.AnswerFormat;
import org.charter.opinions.ReportCsv;
import org.charter.opinions.Similarity;
import org.charter.opinions.SimilarityOptions;
import org.charter.opinions.SimilarityReport;
import org.charter.opinions.store.AnswerSetSummary;
import org.charter.opinions.store.OpinionsService;
import org.charter.http.QueryFlag;
import org.charter.problem.Problem;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Model answer sets of one dataset: upload, list, results (ranking), per-question drill-down, download. */
@Controller("/api/opinions/datasets/{datasetId}/answer-sets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class AnswerSetController {

    static final String JSONL = "application/x-ndjson";

    private final OpinionsService service;

    AnswerSetController(OpinionsService service) {
        this.service = service;
    }

    /**
     * The answers as the request body: JSON lines ({@code application/x-ndjson}, {@code application/jsonl} or text) or
     * CSV ({@code text/csv}); {@code format} overrides what the content type says.
     */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(consumes = {JSONL, "application/jsonl", "application/json-lines", SurveyDatasetController.TEXT_CSV,
            MediaType.TEXT_PLAIN})
    HttpResponse<AnswerSetSummary> upload(HttpRequest<?> request, long datasetId, @QueryValue @Nullable String name,
                                          @QueryValue @Nullable String format, @QueryValue @Nullable String country,
                                          @QueryValue @Nullable String lenient,
                                          @QueryValue @Nullable String fileName, @Body String text,
                                          Authentication auth) {
        AnswerFormat f = format(format, request.getContentType().map(MediaType::getName).orElse(""));
        return created(service.createAnswerSet(CurrentOrganizer.id(auth), datasetId, name, fileName, text, f, country,
                QueryFlag.parse("lenient", lenient, false)));
    }

    /** A form upload: part {@code file}, and {@code name} (default: the file name), {@code country}, {@code lenient}. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<AnswerSetSummary> uploadForm(long datasetId, @Part("file") @Nullable CompletedFileUpload file,
                                              @Part("name") @Nullable String name, @Part("format") @Nullable String format,
                                              @Part("country") @Nullable String country,
                                              @Part("lenient") @Nullable String lenient, Authentication auth)
            throws IOException {
        if (file == null) {
            throw Problem.invalid("file", "attach the answers as the form part 'file'");
        }
        service.checkSize(file.getSize(), "file");
        AnswerFormat f = format != null && !format.isBlank() ? format(format, "") : AnswerFormat.fromFileName(file.getFilename());
        String n = name == null || name.isBlank() ? file.getFilename().replaceFirst("\\.(jsonl|csv|json|ndjson)$", "") : name;
        return created(service.createAnswerSet(CurrentOrganizer.id(auth), datasetId, n, file.getFilename(),
                new String(file.getBytes(), StandardCharsets.UTF_8), f, country, QueryFlag.parse("lenient", lenient, false)));
    }

    private static AnswerFormat format(String format, String contentType) {
        if (format != null && !format.isBlank()) {
            try {
                return AnswerFormat.parse(format);
            } catch (IllegalArgumentException e) {
                throw Problem.invalid("format", e.getMessage());
            }
        }
        return contentType.contains("csv") ? AnswerFormat.CSV : AnswerFormat.JSONL;
    }

    private static HttpResponse<AnswerSetSummary> created(AnswerSetSummary summary) {
        return HttpResponse.created(summary, URI.create("/api/opinions/datasets/" + summary.datasetId()
                + "/answer-sets/" + summary.id()));
    }

    @Get
    List<AnswerSetSummary> list(long datasetId) {
        return service.answerSets(datasetId);
    }

    @Get("/{answerSetId}")
    AnswerSetSummary get(long datasetId, long answerSetId) {
        return service.answerSet(datasetId, answerSetId);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Delete("/{answerSetId}")
    HttpResponse<Void> delete(long datasetId, long answerSetId, Authentication auth) {
        service.deleteAnswerSet(datasetId, answerSetId, CurrentOrganizer.id(auth));
        return HttpResponse.noContent();
    }

    /** Countries ranked by similarity with 95% intervals; {@code format=csv} for a table download. */
    @Get(value = "/{answerSetId}/results", produces = {MediaType.APPLICATION_JSON, SurveyDatasetController.TEXT_CSV})
    HttpResponse<?> results(long datasetId, long answerSetId, @QueryValue @Nullable String metric,
                            @QueryValue @Nullable String logBase, @QueryValue @Nullable Integer resamples,
                            @QueryValue @Nullable Long seed, @QueryValue @Nullable Integer minQuestions,
                            @QueryValue @Nullable String format) {
        SimilarityOptions options = ResultQuery.options(metric, logBase, resamples, seed, minQuestions);
        boolean csv = ResultQuery.csv(format);
        SimilarityReport report = service.results(datasetId, answerSetId, options);
        if (!csv) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(ReportCsv.ranking(report)).contentType(SurveyDatasetController.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + ResultQuery.fileName(report.answers() + "-" + report.metric(), "csv") + "\"");
    }

    /** Every question compared for one country, least similar first. */
    @Get("/{answerSetId}/results/questions")
    List<Similarity.QuestionScore> questionScores(long datasetId, long answerSetId, @QueryValue @Nullable String country,
                                                  @QueryValue @Nullable String metric, @QueryValue @Nullable String logBase) {
        return service.questionScores(datasetId, answerSetId, country, ResultQuery.options(metric, logBase, 0, null));
    }

    /** Drill-down: the model's distribution beside every country's for one question, with their similarity. */
    @Get("/{answerSetId}/questions/{qid}")
    Similarity.QuestionDetail question(long datasetId, long answerSetId, int qid, @QueryValue @Nullable String metric,
                                       @QueryValue @Nullable String logBase) {
        return service.answerDetail(datasetId, answerSetId, qid, ResultQuery.options(metric, logBase, 0, null));
    }

    /** The answer set as JSON lines. */
    @Get(value = "/{answerSetId}/download", produces = JSONL)
    HttpResponse<String> download(long datasetId, long answerSetId) {
        String name = service.answerSet(datasetId, answerSetId).name();
        return HttpResponse.ok(service.answersJsonl(datasetId, answerSetId))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + ResultQuery.fileName(name, "jsonl") + "\"");
    }
}
