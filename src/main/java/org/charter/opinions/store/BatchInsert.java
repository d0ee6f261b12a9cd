package org.charter.opinions.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import org.postgresql.PGConnection;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * Bulk inserts with PostgreSQL's COPY, on the current transaction's connection (so a failure rolls back the whole
 * upload). A full GlobalOpinionQA upload has about 100,000 distribution rows: COPY takes a fraction of a second
 * where row-by-row inserts take seconds.
 */
final class BatchInsert {

    private BatchInsert() {
    }

    /** Copies rows into {@code table (columns)}; {@code csvRow} writes one row as a CSV line without its newline. */
    static <T> void copy(JdbcOperations jdbc, String table, String columns, List<T> rows, Function<T, String> csvRow) {
        if (rows.isEmpty()) {
            return;
        }
        StringBuilder data = new StringBuilder(rows.size() * 64);
        for (T row : rows) {
            data.append(csvRow.apply(row)).append('\n');
        }
        try {
            jdbc.getConnection().unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("COPY " + table + " (" + columns + ") FROM STDIN (FORMAT csv)", new StringReader(data.toString()));
        } catch (SQLException e) {
            throw new io.micronaut.data.exceptions.DataAccessException("bulk insert into " + table + " failed: "
                    + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV field: quoted, with quotes doubled. */
    static String text(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }

    /** A PostgreSQL array literal of float8 in a CSV field: "{0.1,0.25,NaN}". */
    static String doubles(double[] values) {
        StringBuilder s = new StringBuilder("\"{");
        for (int i = 0; i < values.length; i++) {
            s.append(i == 0 ? "" : ",").append(Double.toString(values[i]));
        }
        return s.append("}\"").toString();
    }
}
