package org.charter.opinions.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SurveyQuestionRepository extends CrudRepository<SurveyQuestionRow, Long> {

    List<SurveyQuestionRow> findByDatasetIdOrderByQid(long datasetId);

    Optional<SurveyQuestionRow> findByDatasetIdAndQid(long datasetId, int qid);

    /** A page of questions, optionally only those whose text contains {@code search} (case-insensitive). */
    @Query(value = """
            SELECT * FROM survey_question
            WHERE dataset_id = :datasetId AND (:search = '' OR strpos(lower(text), lower(:search)) > 0)
            ORDER BY qid LIMIT :limit OFFSET :offset""")
    List<SurveyQuestionRow> page(long datasetId, String search, int limit, int offset);

    @Query("""
            SELECT count(*) FROM survey_question
            WHERE dataset_id = :datasetId AND (:search = '' OR strpos(lower(text), lower(:search)) > 0)""")
    long countPage(long datasetId, String search);

    /** Number of questions per source, as "source" and "count" rows. */
    @Query("SELECT source, count(*) AS count FROM survey_question WHERE dataset_id = :datasetId GROUP BY source ORDER BY source")
    List<SourceCount> sources(long datasetId);
}
