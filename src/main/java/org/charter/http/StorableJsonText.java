package org.charter.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

import java.io.IOException;

/**
 * JSON text may carry the NUL character ({@code \u0000}), which PostgreSQL cannot store in a text column: a request
 * body holding one is refused as a 400 naming the field (Jackson adds the path), before it fails as a database error.
 * Micronaut adds every {@link com.fasterxml.jackson.databind.Module} bean to its object mapper.
 */
@Singleton
final class StorableJsonText extends SimpleModule {

    StorableJsonText() {
        super("charter-storable-text");
        addDeserializer(String.class, new NoNul());
    }

    private static final class NoNul extends StringDeserializer {
        @Override
        public String deserialize(JsonParser p, DeserializationContext context) throws IOException {
            String text = super.deserialize(p, context);
            if (text != null && text.indexOf('\u0000') >= 0) {
                throw Problem.invalid(null, "text must not contain the NUL character (\\u0000)");
            }
            return text;
        }
    }
}
