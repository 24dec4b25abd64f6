package com.example.gendict;

import io.gendict.core.spi.OracleProvider;
import io.gendict.testkit.OracleContract;

/** The oracle contract (finite results, objective never above the start's, same seed same result). */
class BacktrackingDescentOracleTest implements OracleContract {
    @Override
    public OracleProvider provider() {
        return new BacktrackingDescentOracleProvider();
    }
}
