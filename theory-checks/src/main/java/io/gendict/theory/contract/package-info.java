/**
 * The prior contract suite's first home, kept for plugins whose tests implement
 * {@link io.gendict.theory.contract.PriorContract}: a deprecated alias of the suite in the
 * {@code gendict-testkit} artifact ({@code io.gendict.testkit}), which holds the suites of every kind.
 */
package io.gendict.theory.contract;
