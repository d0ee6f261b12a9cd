package org.charter.opinions.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class SurveyDistributionRepository implements CrudRepository<SurveyDistributionRow, Long> {

    private final JdbcOperations jdbc;

    protected SurveyDistributionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Query("""
            SELECT d.* FROM survey_distribution d JOIN survey_question q ON q.id = d.question_id
            WHERE q.dataset_id = :datasetId ORDER BY d.id""")
    public abstract List<SurveyDistributionRow> findByDataset(long datasetId);

    public abstract List<SurveyDistributionRow> findByQuestionIdOrderById(long questionId);

    /** Inserts many rows at once in the current transaction (COPY; see {@link BatchInsert}). */
    public void insertAll(List<SurveyDistributionRow> rows) {
        BatchInsert.copy(jdbc, "survey_distribution", "question_id, country, shares", rows,
                row -> row.questionId() + "," + BatchInsert.text(row.country()) + "," + BatchInsert.doubles(row.shares()));
    }
}
