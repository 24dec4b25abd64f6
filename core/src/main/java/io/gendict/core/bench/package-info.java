/**
 * Measurements of the kernels' throughput ({@link io.gendict.core.bench.KernelBenchmark}), used by
 * {@code gendict bench}.
 */
package io.gendict.core.bench;
