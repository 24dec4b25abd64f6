/**
 * Learning runs into a model folder, whichever command starts them: the run's settings
 * ({@link io.gendict.core.train.RunSettings}), its seeded batches ({@link io.gendict.core.train.BatchPlan}),
 * the session that trains, checkpoints, resumes and saves ({@link io.gendict.core.train.TrainingSession}),
 * and the record of curve and provenance every engine writes into {@code model.json}
 * ({@link io.gendict.core.train.TrainingRecord}).
 */
package io.gendict.core.train;
