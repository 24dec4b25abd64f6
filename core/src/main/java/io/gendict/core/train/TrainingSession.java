package io.gendict.core.train;

import com.google.gson.JsonObject;
import io.gendict.core.error.ErrorKind;
import io.gendict.core.error.GendictException;
import io.gendict.core.model.Checkpoints;
import io.gendict.core.model.FolderLock;
import io.gendict.core.model.Model;
import io.gendict.core.model.ModelInfo;
import io.gendict.core.model.ModelStore;
import io.gendict.core.model.PluginNeeds;
import io.gendict.core.method.MethodResolver;
import io.gendict.core.method.ResolvedMethod;
import io.gendict.core.plugin.PluginSet;
import io.gendict.core.spi.Checkpointable;
import io.gendict.core.spi.DictionaryLearner;
import io.gendict.core.spi.GenerativePrior;
import io.gendict.core.spi.LearnerContext;
import io.gendict.core.spi.Registry;
import org.ejml.data.DMatrixRMaj;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * One learning run into a model folder, as {@code gendict learn} runs it: holds the folder's lock,
 * builds the learner from the run's settings ({@link MethodResolver}; a generative method's recipe
 * joins the recorded parameters) over its batches ({@link BatchPlan}), trains batch by batch, writes a checkpoint every {@code checkpointEvery} batches
 * and after the last ({@link Checkpoints}), and saves the model ({@link ModelStore}) with its record
 * ({@link TrainingRecord}). A resumed session continues from the newest checkpoint bit for bit, after
 * checking that it belongs to the folder's run and that the data did not change ({@link RunIdentity}).
 *
 * @since 0.1
 */
public final class TrainingSession implements AutoCloseable {
    /**
     * What a session builds its components from.
     *
     * @param registry the built-in and plugin providers
     * @param plugins  what was loaded from plugin jars, recorded in {@code model.json} for the components used
     * @param threads  threads of the learner, ≥ 1
     */
    public record Providers(Registry registry, PluginSet plugins, int threads) {
    }

    private final FolderLock lock;
    private final RunSettings run;
    private final GenerativePrior prior;
    private final BatchPlan plan;
    private final JsonObject runJson;
    private final DictionaryLearner learner;
    private final TrainingRecord record;
    private final List<ModelInfo.Plugin> needs;
    private final Map<String, String> parameters;
    private final long done;
    private final long total;

    private TrainingSession(FolderLock lock, RunSettings run, Optional<Checkpoints.Checkpoint> checkpoint,
                            Providers providers) {
        Registry registry = providers.registry();
        this.lock = lock;
        this.run = run;
        this.prior = checkpoint.isPresent() ? checkpoint.get().model().model().prior() : registry.prior(run.prior());
        this.plan = BatchPlan.of(run, prior);
        this.runJson = RunIdentity.describe(run, plan, checkpoint);
        this.total = run.batches() > 0 ? run.batches() : -run.batches() * plan.batchesPerEpoch();
        ResolvedMethod method = new MethodResolver(registry).resolve(run.method(), run.oracle(), run.update(), prior,
                false);
        this.learner = method.build(new LearnerContext(plan.dimension(), prior, null, run.seed(), providers.threads()));
        this.parameters = new LinkedHashMap<>(run.parameters());
        if (method.generative()) {
            parameters.put("recipe", method.recipe());
        }
        if (run.checkpointEvery() > 0 && !(learner instanceof Checkpointable)) {
            throw new GendictException(ErrorKind.INVALID_PARAMETER, "--checkpoint-every: method '" + run.method()
                    + "' cannot be checkpointed; drop the option");
        }
        this.needs = PluginNeeds.of(providers.plugins(), prior.params().toSpecString(), run.method(), run.oracle(),
                run.update());
        if (checkpoint.isPresent()) {
            ((Checkpointable) learner).restore(checkpoint.get().state());
            done = checkpoint.get().batches();
        } else {
            done = 0;
        }
        this.record = new TrainingRecord(learner,
                checkpoint.map(c -> c.model().model().info().curve()).orElse(List.of()));
    }

    /**
     * Opens a new run: locks its folder, completes interrupted writes, and refuses a folder that holds
     * anything (unless {@code force}, which removes its checkpoints).
     *
     * @param run      the settings, {@code out} the model folder
     * @param force    learn into a folder that already holds files
     * @param providers where the prior and the method's components come from
     * @return the session, holding the folder's lock until closed
     */
    public static TrainingSession start(RunSettings run, boolean force, Providers providers) {
        Path out = Path.of(run.out());
        FolderLock lock = FolderLock.acquire(out);
        try {
            ModelStore.recover(out);
            RunFolder.requireNew(out, force);
            return new TrainingSession(lock, run, Optional.empty(), providers);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Opens the run checkpointed in a model folder, with the settings of its newest checkpoint.
     *
     * @param dir      the model folder
     * @param providers where the prior and the method's components come from
     * @return the session, holding the folder's lock until closed
     */
    public static TrainingSession resume(Path dir, Providers providers) {
        Path parent = dir.toAbsolutePath().getParent();
        if (parent == null || !Files.isDirectory(parent)) {
            throw RunFolder.missing(dir);
        }
        FolderLock lock = FolderLock.acquire(dir);
        try {
            ModelStore.recover(dir);
            if (!Files.isDirectory(dir)) {
                throw RunFolder.missing(dir);
            }
            Optional<Checkpoints.Checkpoint> checkpoint = Checkpoints.latest(dir, providers.registry());
            if (checkpoint.isEmpty()) {
                throw new GendictException(ErrorKind.INVALID_INPUT, "--resume " + dir + ": no checkpoint in the folder");
            }
            RunSettings run = RunSettings.fromJson(checkpoint.get().run(), dir);
            return new TrainingSession(lock, run, checkpoint, providers);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** @return the run's settings */
    public RunSettings run() {
        return run;
    }

    /** @return batches the run trains in all */
    public long totalBatches() {
        return total;
    }

    /** @return batches trained before this session (by the checkpoint it resumes) */
    public long batchesDone() {
        return done;
    }

    /**
     * Trains the remaining batches, checkpointing as the settings say, and saves the model.
     *
     * @param progress told the batches done before the first batch and after each
     * @return the saved model
     */
    public Model train(LongConsumer progress) {
        Path dir = Path.of(run.out());
        DMatrixRMaj y = new DMatrixRMaj(1, 1);
        progress.accept(done);
        for (long t = done; t < total; t++) {
            plan.batch(t, y);
            learner.fit(y);
            progress.accept(t + 1);
            if (run.checkpointEvery() > 0 && ((t + 1) % run.checkpointEvery() == 0 || t + 1 == total)) {
                Checkpoints.write(dir, t + 1, model(), ((Checkpointable) learner).state(), runJson);
            }
        }
        Model model = model();
        ModelStore.save(dir, model);
        return model;
    }

    /** @return the mean error of the last batch trained, NaN before the first */
    public double lastError() {
        return record.lastError();
    }

    private Model model() {
        return record.model(prior, run.method(), run.oracle(), run.update(), parameters, run.seed(), needs);
    }

    /** Releases the folder's lock. */
    @Override
    public void close() {
        lock.close();
    }
}
