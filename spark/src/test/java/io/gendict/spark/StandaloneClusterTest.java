package io.gendict.spark;

import io.gendict.core.data.SyntheticSource;
import io.gendict.core.model.Model;
import io.gendict.core.plugin.PluginLoader;
import io.gendict.core.plugin.PluginRegistry;
import io.gendict.core.spi.Registry;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorRemoved;
import org.apache.spark.scheduler.SparkListenerJobEnd;
import org.apache.spark.sql.SparkSession;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * spark-learn on a real standalone cluster — a master and two workers, each its own JVM on this host,
 * with SPARK_HOME holding a jars/ folder and SPARK_SCALA_VERSION=2.13 as spark/cluster/standalone.sh
 * sets them — survives an executor killed (SIGKILL) in the middle of the run and learns the dictionary
 * of {@code local[2]} bit for bit. Slow (JVM starts, executor recovery), so tagged {@code slow} and
 * left out of the default build; run it with
 * {@code mvn -o -pl spark -am test -Pslow -Dtest=StandaloneClusterTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@Tag("slow")
class StandaloneClusterTest {
    private static final Registry REGISTRY = PluginRegistry.of(new PluginLoader().load(null));
    private static final String PRIOR = "group-sparsity:n=16,k=3";
    private static final List<String> MODULE_OPTIONS = List.of("-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED", "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED", "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false", "-Dio.netty.tryReflectionSetAccessible=true");

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @Test
    void aJobOnTwoWorkersSurvivesAnExecutorKillWithTheIdenticalDictionary() throws Exception {
        DMatrixRMaj y = SyntheticSource.builder(REGISTRY.prior(PRIOR), 10, 5).sigma(0.05).build().next(400).y();
        List<Path> shards = TestData.writeShards(y, dir.resolve("shards"), 150);
        SparkLearner.Settings settings = new SparkLearner.Settings(PRIOR, "fast", null, null, 50, -2, 7, 2);

        SparkSession local = session("local[2]").getOrCreate();
        DMatrixRMaj expected;
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(local.sparkContext());
            expected = SparkLearner.learn(sc, Samples.fromNpy(sc, shards, -1, "--data"), settings, REGISTRY, null).dictionary();
        } finally {
            local.stop();
        }

        String master = startCluster(2);
        SparkSession cluster = session(master).config("spark.executor.memory", "512m").config("spark.cores.max", "2")
                .config("spark.executor.extraClassPath", testClassPath())
                .config("spark.executor.extraJavaOptions", "--add-modules=jdk.incubator.vector").getOrCreate();
        try {
            JavaSparkContext sc = JavaSparkContext.fromSparkContext(cluster.sparkContext());
            AtomicInteger jobs = new AtomicInteger();
            AtomicInteger lost = new AtomicInteger();
            sc.sc().addSparkListener(new SparkListener() {
                @Override
                public void onJobEnd(SparkListenerJobEnd end) {
                    if (jobs.incrementAndGet() == 4) {
                        started.get(1).toHandle().children().findFirst().ifPresent(ProcessHandle::destroyForcibly);
                    }
                }

                @Override
                public void onExecutorRemoved(SparkListenerExecutorRemoved removed) {
                    lost.incrementAndGet();
                }
            });
            Model model = SparkLearner.learn(sc, Samples.fromNpy(sc, shards, -1, "--data"), settings, REGISTRY, null);
            assertTrue(lost.get() >= 1, "an executor was lost during the run");
            assertArrayEquals(expected.data, model.dictionary().data, "the dictionary of local[2], bit for bit");
        } finally {
            cluster.stop();
        }
    }

    private static SparkSession.Builder session(String master) {
        return SparkSession.builder().master(master).appName("gendict-cluster-test")
                .config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1");
    }

    /** Starts a master and {@code workers} workers of one core each; @return the master's URL */
    private String startCluster(int workers) throws IOException, InterruptedException {
        Path sparkHome = Files.createDirectories(dir.resolve("spark-home").resolve("jars")).getParent();
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        String master = "spark://127.0.0.1:" + port;
        start(sparkHome, "master", "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port",
                Integer.toString(port), "--webui-port", "0");
        awaitLine(dir.resolve("master.log"), "I have been elected leader");
        for (int i = 1; i <= workers; i++) {
            Path work = Files.createDirectories(dir.resolve("worker-" + i));
            start(sparkHome, "worker-" + i, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--cores", "1",
                    "--memory", "640m", "--work-dir", work.toString(), "--webui-port", "0", master);
        }
        for (int i = 1; i <= workers; i++) {
            awaitLine(dir.resolve("worker-" + i + ".log"), "Successfully registered with master");
        }
        return master;
    }

    private void start(Path sparkHome, String name, String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx192m", "-cp", testClassPath()));
        command.addAll(MODULE_OPTIONS);
        command.add(mainClass);
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().put("SPARK_HOME", sparkHome.toString());
        pb.environment().put("SPARK_SCALA_VERSION", "2.13");
        started.add(pb.start());
    }

    private static void awaitLine(Path log, String text) throws InterruptedException {
        for (int i = 0; i < 1200; i++) {
            try {
                if (Files.exists(log) && Files.readString(log).contains(text)) {
                    return;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            Thread.sleep(100);
        }
        String said;
        try {
            said = Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError(log + " never said '" + text + "'; it ends with:\n"
                + said.substring(Math.max(0, said.length() - 3000)));
    }

    /** @return the test classpath without slf4j-simple, so the cluster's JVMs log through Spark's Log4j 2 binding alone */
    private static String testClassPath() {
        return Arrays.stream(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"))
                .split(File.pathSeparator)).filter(e -> !e.contains("slf4j-simple")).collect(Collectors.joining(File.pathSeparator));
    }

    @AfterEach
    void stopCluster() throws InterruptedException {
        for (Process p : started) {
            p.toHandle().descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroy();
        }
        for (Process p : started) {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly().waitFor();
            }
        }
    }
}
