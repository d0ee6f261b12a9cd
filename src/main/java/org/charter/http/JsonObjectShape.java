package org.charter.http;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.beans.BeanIntrospection;
import io.micronaut.core.type.Argument;
import io.micronaut.jackson.JacksonDeserializationPreInstantiateCallback;
import jakarta.inject.Singleton;
import org.charter.problem.Problem;

/**
 * Micronaut builds request records through their introspection; given a JSON number, string or array where an
 * object belongs, it calls the record's constructor with that one value, which fails with a plain
 * IllegalArgumentException, a 500. This check runs just before and makes it a 400 problem. It replaces Micronaut's
 * callback, which validated the constructor arguments and ignored the result.
 */
@Singleton
@Replaces(JacksonDeserializationPreInstantiateCallback.class)
final class JsonObjectShape implements JacksonDeserializationPreInstantiateCallback {

    @Override
    public void preInstantiate(BeanIntrospection<?> introspection, Object... arguments) {
        Argument<?>[] parameters = introspection.getConstructorArguments();
        boolean fits = parameters.length == arguments.length;
        for (int i = 0; fits && i < parameters.length; i++) {
            fits = arguments[i] == null || parameters[i].getWrapperType().isInstance(arguments[i]);
        }
        if (!fits) {
            throw Problem.invalid(null, "expected " + JsonProblems.expected(introspection.getBeanType()));
        }
    }
}
