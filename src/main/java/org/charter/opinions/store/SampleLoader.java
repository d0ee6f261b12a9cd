package org.charter.opinions.store;

import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.StartupEvent;
import jakarta.inject.Singleton;
import org.charter.opinions.AnswerFormat;
import org.charter.problem.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Loads the GlobalOpinionQA sample shipped in {@code surveys/} (and its example answer sets) into a database that has
 * never held a survey dataset, so that the researcher pages have something to show on first start. A database
 * where datasets were ever created (even if all were deleted since) is left alone. Off with
 * {@code charter.opinions.load-sample=false} ({@code CHARTER_OPINIONS_LOAD_SAMPLE=false}).
 */
@Singleton
@Requires(property = "charter.opinions.load-sample", notEquals = "false")
public class SampleLoader implements ApplicationEventListener<StartupEvent> {

    static final String NAME = "GlobalOpinionQA sample (279 questions)";
    static final String CSV = "surveys/globalopinionqa-sample.csv";
    static final List<String> ANSWER_SETS = List.of("uniform-baseline", "country-average-baseline");

    private static final Logger LOG = LoggerFactory.getLogger(SampleLoader.class);

    private final OpinionsService service;
    private final SurveyDatasetRepository datasets;

    public SampleLoader(OpinionsService service, SurveyDatasetRepository datasets) {
        this.service = service;
        this.datasets = datasets;
    }

    @Override
    public void onApplicationEvent(StartupEvent event) {
        load();
    }

    /** Loads the sample when no dataset was ever stored; true when it did. */
    public boolean load() {
        if (datasets.everUsed()) {
            return false;
        }
        try {
            DatasetSummary d = service.createDataset(null, NAME, "globalopinionqa-sample.csv", resource(CSV));
            for (String name : ANSWER_SETS) {
                service.createAnswerSet(null, d.id(), name, name + ".jsonl", resource("surveys/answers/" + name + ".jsonl"),
                        AnswerFormat.JSONL, null, false);
            }
            LOG.info("Loaded the GlobalOpinionQA sample ({} questions, {} countries) and {} example answer sets "
                    + "(see surveys/README.md)", d.questions(), d.countries(), ANSWER_SETS.size());
            return true;
        } catch (Problem e) {
            if (e.kind() == Problem.Kind.CONFLICT) {
                return false; // another instance loaded it at the same moment
            }
            throw e;
        }
    }

    private static String resource(String path) {
        try (InputStream in = SampleLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
