package io.gendict.testkit;

import io.gendict.core.contract.PlantedPrior;
import io.gendict.core.contract.PlantedProblem;
import io.gendict.core.spi.GenerativePrior;

/**
 * What the suites of oracles, update rules and learners share: the {@link PlantedProblem} they run
 * on, over {@link #prior()} (by default the smooth {@link PlantedPrior} with k = 3, n = 6) and
 * m = {@link #m()}, with noise 0.01. A test overrides {@link #prior()} to exercise its component on
 * the prior it is meant for.
 *
 * @since 0.1
 */
public interface PlantedContract extends Contract {
    /** @return the prior of the planted problems */
    default GenerativePrior prior() {
        return new PlantedPrior(3, 0.3);
    }

    /** @return the data dimension m of the planted problems */
    default int m() {
        return 10;
    }

    /**
     * @param seed seed of the planted dictionary
     * @return the planted problem over {@link #prior()} with m = {@link #m()} and noise 0.01
     */
    default PlantedProblem problem(long seed) {
        return new PlantedProblem(prior(), m(), 0.01, seed);
    }
}
