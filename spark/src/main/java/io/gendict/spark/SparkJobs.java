package io.gendict.spark;

import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;

import java.util.function.Supplier;

/**
 * Runs a Spark action and turns a failure whose cause chain holds a {@link GendictException} (bad
 * input found on an executor, e.g. a NaN or a wrong row length) back into that exception, so the
 * user sees its one-line message instead of Spark's stage-failure report.
 */
final class SparkJobs {
    private SparkJobs() {
    }

    /**
     * @param what  what the job does, for other failures' messages
     * @param job   the action
     * @param <T>   its result
     * @return the action's result
     * @throws GendictException the executor's, or NUMERICAL_FAILURE naming {@code what} for any other failure
     */
    static <T> T run(String what, Supplier<T> job) {
        try {
            return job.get();
        } catch (GendictException e) {
            throw e;
        } catch (Exception e) {
            // Spark's own failures (SparkException) are checked exceptions thrown undeclared from Scala.
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof GendictException g) {
                    throw new GendictException(g.kind(), g.getMessage(), e);
                }
            }
            throw new GendictException(ErrorKind.NUMERICAL_FAILURE, what + " failed on Spark: " + firstLine(e), e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = String.valueOf(e.getMessage());
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
