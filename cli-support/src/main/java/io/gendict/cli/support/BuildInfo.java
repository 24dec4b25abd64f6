package io.gendict.cli.support;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * What this build of gendict is: its version (from the jar manifest, "dev" outside a jar) and the
 * git commit it was built from (from {@code git.properties}, written at build time by the cli
 * module's antrun step from {@code git rev-parse HEAD}; "unknown" when git or the checkout was missing).
 *
 * @since 0.1
 */
public final class BuildInfo {
    /** The value reported when the commit cannot be known. */
    public static final String UNKNOWN = "unknown";
    private static final Properties GIT = load();

    private BuildInfo() {
    }

    /** @return the gendict version, e.g. {@code 0.1.0-SNAPSHOT}, or {@code dev} */
    public static String version() {
        String v = BuildInfo.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** @return the full commit hash the build came from, or {@link #UNKNOWN} */
    public static String commit() {
        return GIT.getProperty("git.commit.id", UNKNOWN);
    }

    /** @return "true" when the working tree had uncommitted changes at build time, "false", or {@link #UNKNOWN} */
    public static String dirty() {
        return GIT.getProperty("git.dirty", UNKNOWN);
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("git.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return new Properties();
        }
        return p;
    }
}
