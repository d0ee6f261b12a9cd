package org.charter.opinions.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import org.charter.opinions.ComparisonReport;
import org.charter.opinions.ReportCsv;
import org.charter.opinions.store.OpinionsService;
import org.charter.problem.Problem;

/** Per-country change in similarity between two answer sets of a dataset (e.g. default → cross-national). */
@Controller("/api/opinions/datasets/{datasetId}/compare")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class ComparisonController {

    private final OpinionsService service;

    ComparisonController(OpinionsService service) {
        this.service = service;
    }

    @Get(produces = {MediaType.APPLICATION_JSON, SurveyDatasetController.TEXT_CSV})
    HttpResponse<?> compare(long datasetId, @QueryValue @Nullable Long before, @QueryValue @Nullable Long after,
                            @QueryValue @Nullable String metric, @QueryValue @Nullable String logBase,
                            @QueryValue @Nullable Integer resamples, @QueryValue @Nullable Long seed,
                            @QueryValue @Nullable Integer minQuestions, @QueryValue @Nullable String format) {
        if (before == null || after == null) {
            throw Problem.invalid(before == null ? "before" : "after", "give the answer-set ids to compare: ?before=…&after=…");
        }
        ComparisonReport report = service.compare(datasetId, before, after, ResultQuery.options(metric, logBase, resamples, seed, minQuestions));
        if (!ResultQuery.csv(format)) {
            return HttpResponse.ok(report).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(ReportCsv.comparison(report)).contentType(SurveyDatasetController.TEXT_CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\""
                        + ResultQuery.fileName(report.before() + "-vs-" + report.after(), "csv") + "\"");
    }
}
