package io.gendict.cli.support;

import com.google.inject.ConfigurationException;
import com.google.inject.Injector;
import picocli.CommandLine;
import picocli.CommandLine.IFactory;

/**
 * Builds commands, mixins and other picocli-created objects through Guice, so they may
 * {@code @Inject} collaborators; falls back to picocli's default factory for what Guice cannot build
 * (interfaces such as {@code List}, classes with private constructors).
 *
 * @since 0.1
 */
public final class GuiceFactory implements IFactory {
    private final Injector injector;

    /** @param injector the root injector */
    public GuiceFactory(Injector injector) {
        this.injector = injector;
    }

    @Override
    public <K> K create(Class<K> cls) throws Exception {
        try {
            return injector.getInstance(cls);
        } catch (ConfigurationException e) {
            return CommandLine.defaultFactory().create(cls);
        }
    }
}
