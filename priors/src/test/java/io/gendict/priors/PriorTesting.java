package io.gendict.priors;

import io.gendict.core.error.GendictException;
import io.gendict.core.param.ComponentSpec;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.PriorProvider;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.function.Executable;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Shared helpers of the prior unit tests. */
final class PriorTesting {
    private PriorTesting() {
    }

    /** Creates a prior from spec text such as {@code group-sparsity:n=3,k=2}, validating as the registry does. */
    static GenerativePrior create(PriorProvider provider, String spec) {
        ComponentSpec parsed = ComponentSpec.parse(spec);
        return provider.create(provider.parameters().validate(provider.name(), parsed.raw()));
    }

    /** @return G(z) of one latent */
    static double[] forward(GenerativePrior prior, double... z) {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        prior.forward(new DMatrixRMaj(1, z.length, true, z), out);
        return out.data.clone();
    }

    /** @return J(z)ᵀ·dx of one latent */
    static double[] vjp(GenerativePrior prior, double[] z, double... dx) {
        DMatrixRMaj out = new DMatrixRMaj(1, 1);
        prior.vjp(new DMatrixRMaj(1, z.length, true, z), new DMatrixRMaj(1, dx.length, true, dx), out);
        return java.util.Arrays.copyOf(out.data, z.length);
    }

    /** Asserts that {@code call} throws a GendictException whose message contains every fragment. */
    static GendictException assertError(Executable call, String... fragments) {
        GendictException e = assertThrows(GendictException.class, call);
        for (String f : fragments) {
            assertTrue(e.getMessage().contains(f), () -> "message '" + e.getMessage() + "' lacks '" + f + "'");
        }
        return e;
    }
}
