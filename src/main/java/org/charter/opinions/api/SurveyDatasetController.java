package org.charter.opinions.api;

import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.charter.security.CurrentOrganizer;
import io.micronaut.core.annotation.Nullable;
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
import org.charter.opinions.Similarity;
import org.charter.opinions.store.DatasetSummary;
import org.charter.opinions.store.OpinionsService;
import org.charter.opinions.store.QuestionPage;
import org.charter.problem.Problem;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Survey datasets (GlobalOpinionQA CSV): upload, list, summary, questions, download. */
@Controller("/api/opinions/datasets")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_ANONYMOUS)
class SurveyDatasetController {

    static final String TEXT_CSV = "text/csv";

    private final OpinionsService service;

    SurveyDatasetController(OpinionsService service) {
        this.service = service;
    }

    /** The CSV as the request body: {@code curl --data-binary @file.csv -H 'Content-Type: text/csv' '…?name=…'}. */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(consumes = {TEXT_CSV, MediaType.TEXT_PLAIN, "application/csv"})
    HttpResponse<DatasetSummary> upload(@QueryValue @Nullable String name, @QueryValue @Nullable String fileName,
                                        @Body String csv, Authentication auth) {
        return created(service.createDataset(CurrentOrganizer.id(auth), name, fileName, csv));
    }

    /** A form upload: part {@code file} (the CSV) and optionally {@code name} (default: the file name). */
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Post(consumes = MediaType.MULTIPART_FORM_DATA)
    HttpResponse<DatasetSummary> uploadForm(@Part("file") @Nullable CompletedFileUpload file, @Part("name") @Nullable String name,
                                            Authentication auth) throws IOException {
        if (file == null) {
            throw Problem.invalid("file", "attach the CSV as the form part 'file'");
        }
        service.checkSize(file.getSize(), "file");
        String n = name == null || name.isBlank() ? file.getFilename().replaceFirst("\\.csv$", "") : name;
        return created(service.createDataset(CurrentOrganizer.id(auth), n, file.getFilename(), new String(file.getBytes(), StandardCharsets.UTF_8)));
    }

    private static HttpResponse<DatasetSummary> created(DatasetSummary summary) {
        return HttpResponse.created(summary, URI.create("/api/opinions/datasets/" + summary.id()));
    }

    @Get
    List<DatasetSummary> list() {
        return service.datasets();
    }

    @Get("/{datasetId}")
    DatasetSummary get(long datasetId) {
        return service.dataset(datasetId);
    }

    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Delete("/{datasetId}")
    HttpResponse<Void> delete(long datasetId, Authentication auth) {
        service.deleteDataset(datasetId, CurrentOrganizer.id(auth));
        return HttpResponse.noContent();
    }

    /** Questions in qid order; {@code q} keeps those whose text contains it. */
    @Get("/{datasetId}/questions")
    QuestionPage questions(long datasetId, @QueryValue @Nullable String q, @QueryValue(defaultValue = "0") int offset,
                           @QueryValue(defaultValue = "50") int limit) {
        return service.questions(datasetId, q, offset, limit);
    }

    /** One question with every country's distribution. */
    @Get("/{datasetId}/questions/{qid}")
    Similarity.QuestionDetail question(long datasetId, int qid) {
        return service.question(datasetId, qid);
    }

    /** The dataset in the GlobalOpinionQA CSV format. */
    @Get(value = "/{datasetId}/download", produces = TEXT_CSV)
    HttpResponse<String> download(long datasetId) {
        String name = service.dataset(datasetId).name();
        return HttpResponse.ok(service.datasetCsv(datasetId))
                .header("Content-Disposition", "attachment; filename=\"" + ResultQuery.fileName(name, "csv") + "\"");
    }
}
