package dev.sluice.api.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import jakarta.enterprise.inject.Any;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which methods a path supports, for the {@code Allow} header a 405 must carry (RFC 9110, 15.5.6); the
 * framework's own 405 has none. Read once from the JAX-RS annotations of the resource beans, so it
 * follows the resources without a second list to maintain.
 */
@ApplicationScoped
public class AllowedMethods {
    private static final Pattern TEMPLATE_PARAM = Pattern.compile("\\{\\s*\\w[\\w.-]*\\s*(?::\\s*((?:[^{}]|\\{[^{}]*})+))?}");

    private record Route(Pattern path, String method) {
    }

    private final List<Route> routes = new ArrayList<>();

    public AllowedMethods(BeanManager beans) {
        Set<Class<?>> resources = new HashSet<>();
        for (Bean<?> bean : beans.getBeans(Object.class, Any.Literal.INSTANCE)) {
            if (bean.getBeanClass().isAnnotationPresent(Path.class)) {
                resources.add(bean.getBeanClass());
            }
        }
        for (Class<?> resource : resources) {
            String base = resource.getAnnotation(Path.class).value();
            for (Method method : resource.getMethods()) {
                httpMethod(method).ifPresent(verb -> {
                    Path sub = method.getAnnotation(Path.class);
                    routes.add(new Route(regex(join(base, sub == null ? "" : sub.value())), verb));
                });
            }
        }
    }

    /** The methods allowed on {@code path}, comma-separated, or empty when no resource serves it. */
    public Optional<String> forPath(String path) {
        Set<String> allowed = new TreeSet<>();
        String normalised = path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        for (Route route : routes) {
            if (route.path().matcher(normalised).matches()) {
                allowed.add(route.method());
                if (route.method().equals(HttpMethod.GET)) {
                    allowed.add(HttpMethod.HEAD);
                }
            }
        }
        if (allowed.isEmpty()) {
            return Optional.empty();
        }
        // The framework answers OPTIONS on every resource path by itself.
        allowed.add(HttpMethod.OPTIONS);
        return Optional.of(String.join(", ", allowed));
    }

    private static Optional<String> httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return Optional.of(verb.value());
            }
        }
        return Optional.empty();
    }

    private static String join(String base, String sub) {
        String joined = ("/" + base + "/" + sub).replaceAll("/+", "/");
        return joined.length() > 1 && joined.endsWith("/") ? joined.substring(0, joined.length() - 1) : joined;
    }

    private static Pattern regex(String template) {
        StringBuilder regex = new StringBuilder();
        Matcher param = TEMPLATE_PARAM.matcher(template);
        int last = 0;
        while (param.find()) {
            regex.append(Pattern.quote(template.substring(last, param.start())));
            regex.append('(').append(param.group(1) == null ? "[^/]+" : param.group(1).trim()).append(')');
            last = param.end();
        }
        regex.append(Pattern.quote(template.substring(last)));
        return Pattern.compile(regex.toString());
    }
}
