package org.charter.opinions.api;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.opinions.store.SampleLoader;
import org.charter.testing.Api;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** On first start Charter loads the shipped GlobalOpinionQA sample and its example answer sets, once. */
@MicronautTest(transactional = false)
class SampleLoaderTest extends DatabaseTest {

    private static final Argument<List<Map<String, Object>>> LIST = Argument.listOf(Argument.mapOf(String.class, Object.class));

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    SampleLoader loader;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("charter.opinions.load-sample", "true");
    }

    @Test
    void theSampleIsThereAfterStartAndIsNotLoadedTwice() throws Exception {
        List<Map<String, Object>> datasets = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets"), LIST);
        assertEquals(1, datasets.size());
        Map<String, Object> sample = datasets.getFirst();
        assertEquals("GlobalOpinionQA sample (279 questions)", sample.get("name"));
        assertEquals(279, sample.get("questions"));
        assertEquals(124, sample.get("countries"));
        long id = ((Number) sample.get("id")).longValue();
        List<Map<String, Object>> sets = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets/" + id + "/answer-sets"), LIST);
        assertEquals(List.of("uniform-baseline", "country-average-baseline"), sets.stream().map(s -> s.get("name")).toList());
        assertTrue(sets.stream().allMatch(s -> List.of().equals(s.get("warnings"))), "the shipped answer sets read cleanly");
        Map<?, ?> results = http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets/" + id + "/answer-sets/"
                + sets.getFirst().get("id") + "/results"), Map.class);
        // one sampled question's only country has all-zero shares: nothing to compare it with
        assertEquals(278, results.get("questions"));
        assertEquals(1, ((Map<?, ?>) results.get("skipped")).get("withoutCountries"));

        assertFalse(loader.load(), "already loaded");
        Api api = new Api(http);
        api.problem(io.micronaut.http.HttpStatus.UNAUTHORIZED, HttpRequest.DELETE("/api/opinions/datasets/" + id));
        api.problem(io.micronaut.http.HttpStatus.FORBIDDEN, HttpRequest.DELETE("/api/opinions/datasets/" + id).bearerAuth(api.newOrganizer()));
        try (var c = jdbc(); var s = c.createStatement()) {
            s.executeUpdate("DELETE FROM survey_dataset");
        }
        assertFalse(loader.load(), "a database that had datasets is left alone, even when they were all deleted");
        assertEquals(0, http.toBlocking().retrieve(HttpRequest.GET("/api/opinions/datasets"), LIST).size());
    }
}
