package org.charter.opinions.store;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface SurveyDatasetRepository extends CrudRepository<SurveyDatasetRow, Long> {

    boolean existsByName(String name);

    List<SurveyDatasetRow> listOrderByIdDesc();

    /** Whether a dataset was ever stored in this database (its id sequence has been used), even if since deleted. */
    @Query("SELECT is_called FROM survey_dataset_id_seq")
    boolean everUsed();
}
