package io.gendict.theory.contract;

/**
 * The prior contract suite under its first name. It moved to the {@code gendict-testkit} artifact
 * as {@link io.gendict.testkit.PriorContract}, beside the suites of the other kinds; this alias
 * runs the same tests, so a plugin's test that implements it keeps compiling and passing.
 * Migrate by depending on {@code io.gendict:gendict-testkit} and importing
 * {@code io.gendict.testkit.PriorContract}.
 *
 * @since 0.1
 * @deprecated use {@link io.gendict.testkit.PriorContract}
 */
@Deprecated(since = "0.1")
public interface PriorContract extends io.gendict.testkit.PriorContract {
}
