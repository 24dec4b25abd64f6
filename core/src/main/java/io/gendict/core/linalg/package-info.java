/**
 * Checked linear-algebra entry points ({@link io.gendict.core.linalg.Linalg}) over the kernel facade
 * in {@link io.gendict.core.kernel}.
 */
package io.gendict.core.linalg;
