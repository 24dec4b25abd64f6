/**
 * The measurements {@code gendict bench} prints (plain timing loops, not JMH): the kernels' GFLOP/s
 * ({@link io.gendict.benchmarks.harness.KernelBenchmark}), seconds per training batch of each method
 * ({@link io.gendict.benchmarks.harness.MethodBenchmark}), how that time grows with batch size, m and
 * threads ({@link io.gendict.benchmarks.harness.ScalingBenchmark}), and the first products of fresh JVMs
 * ({@link io.gendict.benchmarks.harness.ColdStart}).
 */
package io.gendict.benchmarks.harness;
