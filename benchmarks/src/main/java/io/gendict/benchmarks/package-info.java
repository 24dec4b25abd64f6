/**
 * JMH benchmarks of gendict's hot paths: the matrix kernels ({@link io.gendict.benchmarks.GemmBenchmark}),
 * each built-in prior's forward pass and VJP ({@link io.gendict.benchmarks.PriorBenchmark}), each
 * oracle's decode ({@link io.gendict.benchmarks.OracleBenchmark}), each update rule
 * ({@link io.gendict.benchmarks.UpdateRuleBenchmark}) and Batch-OMP ({@link io.gendict.benchmarks.OmpBenchmark}).
 * Components are created from their spec strings by the same registry the command line uses, with fixed
 * seeds. Run with {@code java -jar benchmarks/target/benchmarks.jar [regex]} (see README.md).
 */
package io.gendict.benchmarks;
