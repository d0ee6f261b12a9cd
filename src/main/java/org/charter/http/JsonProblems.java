package org.charter.http;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import org.charter.problem.Problem;

import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a client did wrong in a JSON body, from Jackson's exception: {@code where} is the JSON path of the value at
 * fault ({@code metadataQuestions[0].key}) and {@code detail} a sentence without Java class names.
 */
final class JsonProblems {

    private JsonProblems() {
    }

    /** The Jackson exception in a cause chain, if there is one. */
    static Optional<JsonProcessingException> find(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof JsonProcessingException j) {
                return Optional.of(j);
            }
        }
        return Optional.empty();
    }

    /** The JSON path of the value Jackson stopped at; null when it is the whole body. */
    static String where(JsonProcessingException e) {
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder path = new StringBuilder();
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    path.append(path.isEmpty() ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    path.append('[').append(r.getIndex()).append(']');
                }
            }
            return path.isEmpty() ? null : path.toString();
        }
        if (e instanceof StreamReadException r && r.getProcessor() instanceof JsonParser parser) {
            // A JSON pointer (/seedStatements/0) as the client writes the path (seedStatements[0]).
            String pointer = parser.getParsingContext().pathAsPointer().toString();
            StringBuilder path = new StringBuilder();
            for (String part : pointer.split("/")) {
                if (part.isEmpty()) {
                    continue;
                }
                path.append(part.matches("[0-9]+") ? "[" + part + "]" : (path.isEmpty() ? "" : ".") + part);
            }
            return path.isEmpty() ? null : path.toString();
        }
        return null;
    }

    /** A sentence on what was wrong, from the most telling exception in the chain (Jackson wraps them in path notes). */
    static String detail(JsonProcessingException e) {
        Problem problem = cause(e, Problem.class);
        if (problem != null) {
            return problem.getMessage();
        }
        InvalidFormatException format = cause(e, InvalidFormatException.class);
        if (format != null) {
            return "expected " + expected(format.getTargetType()) + ", got " + shown(format.getValue());
        }
        MismatchedInputException mismatch = cause(e, MismatchedInputException.class);
        if (mismatch != null) {
            return "expected " + expected(mismatch.getTargetType());
        }
        InputCoercionException range = cause(e, InputCoercionException.class);
        if (range != null) {
            return "the number is out of range: expected " + expected(range.getTargetType());
        }
        StreamConstraintsException limit = cause(e, StreamConstraintsException.class);
        if (limit != null) {
            return "the JSON exceeds a limit: " + firstLine(limit.getOriginalMessage());
        }
        StreamReadException syntax = cause(e, StreamReadException.class);
        if (syntax != null) {
            String at = syntax.getLocation() == null ? "" : " (line " + syntax.getLocation().getLineNr() + ", column "
                    + syntax.getLocation().getColumnNr() + ")";
            return "the body is not valid JSON: " + firstLine(syntax.getOriginalMessage()) + at;
        }
        return "the body does not have the expected shape: " + firstLine(e.getOriginalMessage());
    }

    /** What a value of this type looks like, for a client who sent something else. */
    static String expected(Class<?> type) {
        if (type == null) {
            return "another kind of value";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "text";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "true or false";
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class || type == Integer.class
                || type == Long.class || type == Short.class || type == Byte.class) {
            return "a whole number" + (type == int.class || type == Integer.class ? " up to " + Integer.MAX_VALUE
                    : type == long.class || type == Long.class ? " up to " + Long.MAX_VALUE : "");
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getFields()).filter(java.lang.reflect.Field::isEnumConstant)
                    .map(f -> Optional.ofNullable(f.getAnnotation(JsonProperty.class)).map(JsonProperty::value)
                            .orElse(f.getName().toLowerCase(java.util.Locale.ROOT)))
                    .collect(Collectors.joining(", "));
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "a date and time such as 2030-01-31T12:00:00Z";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return Map.class.isAssignableFrom(type) || !type.getName().startsWith("java.") ? "an object" : "another kind of value";
    }

    static String shown(Object value) {
        String s = String.valueOf(value);
        return "'" + (s.length() > 60 ? s.substring(0, 60) + "…" : s) + "'";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        int nl = message.indexOf('\n');
        return (nl < 0 ? message : message.substring(0, nl)).strip();
    }

    private static <T> T cause(Throwable t, Class<T> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
