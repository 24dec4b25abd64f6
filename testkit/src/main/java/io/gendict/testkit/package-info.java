/**
 * JUnit 5 contract suites that every provider, built-in or from a plugin jar, must pass: a test
 * class implements the interface of its kind in one line and names its provider, and JUnit runs the
 * interface's default {@code @Test} methods, each a QuickTheories property over parameter sets,
 * seeds and batch sizes drawn from a fixed seed. {@link io.gendict.testkit.PriorContract},
 * {@link io.gendict.testkit.OracleContract}, {@link io.gendict.testkit.UpdateRuleContract},
 * {@link io.gendict.testkit.BaselineContract}, {@link io.gendict.testkit.MethodContract} and, for any
 * learner, {@link io.gendict.testkit.LearnerContract}.
 * The checks themselves live in {@code io.gendict.core.contract}, free of JUnit, so that the product
 * runs them as well.
 *
 * @since 0.1
 */
package io.gendict.testkit;
