package io.gendict.cli.support;

import picocli.CommandLine.IVersionProvider;

/**
 * Reports the gendict version and git commit ({@link BuildInfo}) and the Java runtime.
 *
 * @since 0.1
 */
public final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {
            "gendict " + BuildInfo.version() + " (commit " + BuildInfo.commit()
                    + ("true".equals(BuildInfo.dirty()) ? ", with uncommitted changes)" : ")"),
            "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"
        };
    }
}
