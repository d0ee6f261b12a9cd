package org.charter.constitution;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.charter.problem.Problem;

/**
 * The JSON export: the {@link Constitution} record as is (the contract in docs/constitution.md: {@code principles}
 * with {@code text}, {@code statementIds}, {@code consensus}, {@code bridging}, {@code groupAgreement}, {@code votes};
 * {@code excluded}; {@code parameters}; {@code source}). Dates are ISO-8601 text. It reads back into the same record.
 */
public final class ConstitutionJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private ConstitutionJson() {
    }

    public static String write(Constitution c) {
        try {
            return MAPPER.writeValueAsString(c) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the constitution as JSON", e);
        }
    }

    /** Reads a JSON export; a malformed document is a {@link Problem} naming {@code where}. */
    public static Constitution read(String json, String where) {
        try {
            return MAPPER.readValue(json, Constitution.class);
        } catch (JsonProcessingException e) {
            throw Problem.invalid(where, "not a Charter constitution JSON document: " + e.getOriginalMessage(), e);
        }
    }
}
