/**
 * The checks behind the plugin contract suites, free of any test framework so that the product runs
 * them too ({@code gendict check} runs the cheap prior checks on every prior it reports on). Each
 * check is a static method that returns normally or throws {@link io.gendict.core.contract.ContractViolation}
 * with a one-line message naming the component, what differs, and the seed that shows it:
 * {@link io.gendict.core.contract.PriorChecks}, {@link io.gendict.core.contract.OracleChecks},
 * {@link io.gendict.core.contract.UpdateRuleChecks}, {@link io.gendict.core.contract.LearnerChecks} and
 * {@link io.gendict.core.contract.MethodChecks},
 * on a {@link io.gendict.core.contract.PlantedProblem} built around the smooth
 * {@link io.gendict.core.contract.PlantedPrior}. The JUnit 5 suites that draw their inputs with
 * QuickTheories are in the {@code gendict-testkit} artifact.
 *
 * @since 0.1
 */
package io.gendict.core.contract;
