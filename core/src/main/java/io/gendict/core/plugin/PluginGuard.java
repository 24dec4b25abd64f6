package io.gendict.core.plugin;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import org.ejml.data.DMatrixRMaj;

import java.util.function.Supplier;

/**
 * Runs a plugin's code so that its failures are reported as the plugin's fault, whichever command
 * hit them: an exception or error thrown from inside it (other than a {@link GendictException},
 * which the plugin raised on purpose, e.g. for a bad parameter), and a non-finite number it
 * returns, become one {@link GendictException} of kind {@link ErrorKind#PLUGIN} naming the
 * component, the provider class and the jar. Immutable.
 */
final class PluginGuard {
    private final String who;

    PluginGuard(ProviderKind<?> kind, String name, PluginOrigin origin) {
        this.who = kind + " '" + name + "' (" + origin.provider() + " in plugin " + origin.jar() + ")";
    }

    <T> T call(String what, Supplier<T> body) {
        try {
            return body.get();
        } catch (GendictException e) {
            throw e;
        } catch (RuntimeException | LinkageError | AssertionError | StackOverflowError e) {
            throw new GendictException(ErrorKind.PLUGIN, who + " failed in " + what + ": " + e
                    + " (a bug in the plugin, not in gendict or the data)", e);
        }
    }

    void run(String what, Runnable body) {
        call(what, () -> {
            body.run();
            return null;
        });
    }

    DMatrixRMaj finite(String what, DMatrixRMaj m) {
        int size = m.getNumElements();
        for (int i = 0; i < size; i++) {
            double v = m.data[i];
            if (!Double.isFinite(v)) {
                int cols = Math.max(1, m.numCols);
                throw new GendictException(ErrorKind.PLUGIN, who + " returned " + v + " in " + what + " (row "
                        + i / cols + ", column " + i % cols + "): a bug in the plugin, not in gendict or the data");
            }
        }
        return m;
    }
}
