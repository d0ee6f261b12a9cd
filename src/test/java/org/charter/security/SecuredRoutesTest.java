package org.charter.security;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.HttpMethodMapping;
import io.micronaut.inject.BeanDefinition;
import io.micronaut.inject.ExecutableMethod;
import io.micronaut.inject.qualifiers.Qualifiers;
import io.micronaut.security.annotation.Secured;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.charter.testing.DatabaseTest;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Unmatched paths are open (so clients see 404/405/415), which makes {@code @Secured} on every controller method
 * the only guard: this test fails when one forgets it.
 */
@MicronautTest(transactional = false)
class SecuredRoutesTest extends DatabaseTest {

    @Inject
    ApplicationContext context;

    @Test
    void everyRouteDeclaresWhoMayCallIt() {
        List<String> routes = new ArrayList<>();
        List<String> unsecured = new ArrayList<>();
        for (BeanDefinition<?> controller : context.getBeanDefinitions(Qualifiers.byStereotype(Controller.class))) {
            if (!controller.getBeanType().getPackageName().startsWith("org.charter")) {
                continue;
            }
            for (ExecutableMethod<?, ?> method : controller.getExecutableMethods()) {
                if (!method.hasStereotype(HttpMethodMapping.class)) {
                    continue;
                }
                String name = controller.getBeanType().getSimpleName() + "." + method.getMethodName();
                routes.add(name);
                if (!method.hasStereotype(Secured.class)) {
                    unsecured.add(name);
                }
            }
        }
        assertTrue(routes.size() > 20, "found the controllers: " + routes);
        assertTrue(unsecured.isEmpty(), "routes without @Secured: " + unsecured);
    }
}
