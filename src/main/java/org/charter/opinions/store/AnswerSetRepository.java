package org.charter.opinions.store;

import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface AnswerSetRepository extends CrudRepository<AnswerSetRow, Long> {

    boolean existsByDatasetIdAndName(long datasetId, String name);

    List<AnswerSetRow> findByDatasetIdOrderById(long datasetId);

    Optional<AnswerSetRow> findByIdAndDatasetId(long id, long datasetId);
}
