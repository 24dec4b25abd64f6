/**
 * Model folders ({@link io.gendict.core.model.ModelStore}): a learned dictionary with its prior and
 * metadata, verified by checksums on load, and the atomic checkpoints of a learning run
 * ({@link io.gendict.core.model.Checkpoints}) from which {@code gendict learn --resume} continues,
 * and the lock that keeps two runs out of one folder ({@link io.gendict.core.model.FolderLock}).
 */
package io.gendict.core.model;
