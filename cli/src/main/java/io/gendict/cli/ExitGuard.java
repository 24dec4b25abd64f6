package io.gendict.cli;

import io.gendict.cli.support.ErrorHandler;
import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/**
 * Catches code that ends the JVM behind gendict's back, e.g. a plugin calling {@code System.exit(0)}
 * in the middle of a command, which would otherwise exit with that status and no output: a shutdown
 * hook that, unless {@link Main} itself is exiting, looks for the thread blocked in
 * {@code System.exit}/{@code Runtime.exit}, prints one line naming the method that called it, and ends
 * the process with exit code 1 by {@link Runtime#halt}. Shutdowns started by the JVM itself (a signal
 * such as SIGTERM, the last thread ending) are left alone. {@code Runtime.halt} called by a plugin
 * cannot be caught.
 *
 * @since 0.1
 */
final class ExitGuard {
    private static volatile boolean mainExits;

    private ExitGuard() {
    }

    /**
     * Installs the hook.
     *
     * @param err where the line goes
     */
    static void install(PrintStream err) {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (mainExits) {
                return;
            }
            Optional<String> caller = exitCaller(Thread.getAllStackTraces());
            if (caller.isPresent()) {
                err.println("gendict: " + caller.get() + " called System.exit, ending the command before it finished");
                err.flush();
                Runtime.getRuntime().halt(ErrorHandler.FAILURE);
            }
        }, "gendict-exit-guard"));
    }

    /** Marks the exit that follows as gendict's own. */
    static void mainExits() {
        mainExits = true;
    }

    /**
     * @param stacks every live thread's stack
     * @return {@code Class.method} of the code outside the JDK that called {@code Runtime.exit}, or
     *         empty when no such call is under way (a shutdown by signal or by the JVM)
     */
    static Optional<String> exitCaller(Map<Thread, StackTraceElement[]> stacks) {
        for (StackTraceElement[] stack : stacks.values()) {
            for (int i = 0; i + 1 < stack.length; i++) {
                if (stack[i].getClassName().equals("java.lang.Runtime") && stack[i].getMethodName().equals("exit")) {
                    int j = i + 1;
                    while (j < stack.length && stack[j].getClassName().equals("java.lang.System")) {
                        j++;
                    }
                    String c = j < stack.length ? stack[j].getClassName() : "";
                    if (c.isEmpty() || c.startsWith("java.") || c.startsWith("jdk.") || c.startsWith("sun.")) {
                        return Optional.empty();
                    }
                    return Optional.of(c + "." + stack[j].getMethodName());
                }
            }
        }
        return Optional.empty();
    }
}
