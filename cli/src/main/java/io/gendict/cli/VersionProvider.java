package io.gendict.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the gendict version (from the jar manifest) and the Java runtime.
 *
 * @since 0.1
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = GendictCommand.class.getPackage().getImplementationVersion();
        return new String[] {
            "gendict " + (v == null ? "dev" : v),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
