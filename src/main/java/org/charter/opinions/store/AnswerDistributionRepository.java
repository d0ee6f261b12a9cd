package org.charter.opinions.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public abstract class AnswerDistributionRepository implements CrudRepository<AnswerDistributionRow, Long> {

    private final JdbcOperations jdbc;

    protected AnswerDistributionRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public abstract List<AnswerDistributionRow> findByAnswerSetIdOrderByQid(long answerSetId);

    /** Inserts many rows at once in the current transaction (COPY; see {@link BatchInsert}). */
    public void insertAll(List<AnswerDistributionRow> rows) {
        BatchInsert.copy(jdbc, "answer_distribution", "answer_set_id, question_id, qid, probabilities", rows,
                row -> row.answerSetId() + "," + row.questionId() + "," + row.qid() + "," + BatchInsert.doubles(row.probabilities()));
    }
}
