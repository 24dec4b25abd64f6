package io.gendict.core.plugin;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds a provider by name: its full name, or the bare name of a namespaced one ({@code vendor/name})
 * when no other provider of its kind shares that bare name.
 *
 * @since 0.1
 */
public final class ProviderNames {
    private ProviderNames() {
    }

    /**
     * @param kind   e.g. {@code "prior"}, used in messages
     * @param byName providers by full name
     * @param name   a full or bare name
     * @param <P>    provider type
     * @return the provider, or empty when no provider has the name
     * @throws GendictException UNKNOWN_NAME when a bare name belongs to several namespaces, naming them
     */
    public static <P> Optional<P> find(String kind, Map<String, P> byName, String name) {
        P exact = byName.get(name);
        if (exact != null || name.contains("/")) {
            return Optional.ofNullable(exact);
        }
        List<String> namespaced = byName.keySet().stream().filter(n -> n.endsWith("/" + name)).toList();
        if (namespaced.size() > 1) {
            throw new GendictException(ErrorKind.UNKNOWN_NAME, kind + " '" + name + "' is ambiguous: "
                    + String.join(" or ", namespaced) + "; give the namespaced name");
        }
        return namespaced.isEmpty() ? Optional.empty() : Optional.of(byName.get(namespaced.get(0)));
    }
}
