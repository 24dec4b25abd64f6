#!/usr/bin/env bash
# Runs gendict on a Spark standalone cluster on this host, without a Spark distribution: assembles a
# SPARK_HOME from the Maven artifacts that spark/runtime resolves, starts a master and N workers (each
# its own JVM), submits spark-learn and spark-denoise through org.apache.spark.deploy.SparkSubmit,
# runs gendict learn and gendict denoise on the same data, prints how closely they agree and how long
# each step took, and stops every JVM it started (also on failure or Ctrl-C).
#
# Needs one build first:  mvn -q -pl cli,spark,spark/runtime -am package -DskipTests
# Usage: spark/cluster/standalone.sh [--workers N] [--samples N] [--batch-size P] [--epochs E]
#          [--prior SPEC] [--data Y.npy] [--denoise-rows N | --denoise-data Y.npy]
#          [--worker-memory 1g] [--executor-memory 640m]
#          [--kill-executor-at-batch B] [--bound D] [--work DIR] [--keep]
set -euo pipefail

root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/../.." && pwd)"
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"

workers=2
samples=4000
batch_size=1000
epochs=1
prior="group-sparsity:n=300,k=10"
data=""
denoise_rows=1000
denoise_data=""
worker_memory=1g
executor_memory=640m
kill_at=""
bound=2e-6
work=""
keep=0

usage() {
    sed -n '2,13p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2
    exit 2
}
while [[ $# -gt 0 ]]; do
    case "$1" in
        --workers) workers="$2"; shift 2 ;;
        --samples) samples="$2"; shift 2 ;;
        --batch-size) batch_size="$2"; shift 2 ;;
        --epochs) epochs="$2"; shift 2 ;;
        --prior) prior="$2"; shift 2 ;;
        --data) data="$(readlink -f "$2")"; shift 2 ;;
        --denoise-rows) denoise_rows="$2"; shift 2 ;;
        --denoise-data) denoise_data="$(readlink -f "$2")"; shift 2 ;;
        --worker-memory) worker_memory="$2"; shift 2 ;;
        --executor-memory) executor_memory="$2"; shift 2 ;;
        --kill-executor-at-batch) kill_at="$2"; shift 2 ;;
        --bound) bound="$2"; shift 2 ;;
        --work) work="$2"; shift 2 ;;
        --keep) keep=1; shift ;;
        -h|--help) usage ;;
        *) echo "standalone.sh: unknown option '$1'" >&2; usage ;;
    esac
done
[[ "$workers" =~ ^[1-9][0-9]*$ ]] || { echo "standalone.sh: --workers is '$workers', expected >= 1" >&2; exit 2; }
[[ "$denoise_rows" =~ ^[1-9][0-9]*$ ]] || { echo "standalone.sh: --denoise-rows is '$denoise_rows', expected >= 1" >&2; exit 2; }
[[ -z "$kill_at" || "$kill_at" =~ ^[1-9][0-9]*$ ]] || { echo "standalone.sh: --kill-executor-at-batch is '$kill_at', expected >= 1" >&2; exit 2; }

jar="$root/spark/target/gendict-spark.jar"
classpath="$root/spark/runtime/target/spark-classpath.txt"
for f in "$jar" "$classpath" "$root/cli/target/gendict.jar"; do
    if [[ ! -f "$f" ]]; then
        echo "standalone.sh: $f is missing; build first: mvn -q -pl cli,spark,spark/runtime -am package -DskipTests" >&2
        exit 2
    fi
done

work="${work:-$(mktemp -d "${TMPDIR:-/tmp}/gendict-standalone.XXXXXX")}"
mkdir -p "$work"
pids=()
cleanup() {
    local code=$?
    # Executors are the workers' children: stop them first, then the workers, then the master.
    for pid in "${pids[@]}"; do
        for child in $(ps -o pid= --ppid "$pid" 2>/dev/null); do
            kill "$child" 2>/dev/null || true
        done
    done
    for pid in "${pids[@]}"; do
        kill "$pid" 2>/dev/null || true
    done
    for pid in "${pids[@]}"; do
        for _ in $(seq 50); do
            kill -0 "$pid" 2>/dev/null || break
            sleep 0.1
        done
        kill -9 "$pid" 2>/dev/null || true
    done
    if [[ "$keep" -eq 0 && "$code" -eq 0 ]]; then
        rm -rf "$work"
    else
        echo "work folder (logs, models): $work" >&2
    fi
    exit "$code"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A Spark runtime without a distribution: SPARK_HOME/jars holds Spark's jars. Workers launch executors
# with SPARK_HOME/jars/* as their classpath; without that folder and SPARK_SCALA_VERSION (which Spark's
# launcher otherwise guesses from build directories of a source checkout) every executor fails with
# "Cannot find any build directories" and the driver only waits.
export SPARK_HOME="$work/spark-home"
export SPARK_SCALA_VERSION=2.13
mkdir -p "$SPARK_HOME/jars"
tr ':' '\n' < "$classpath" | while read -r j; do
    [[ -n "$j" ]] && ln -sf "$j" "$SPARK_HOME/jars/"
done

# Spark's own JavaModuleOptions (what Spark, Netty and Kryo reflect into on JDK 17+).
opens=(-XX:+IgnoreUnrecognizedVMOptions
    --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED
    --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED
    --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED
    --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED
    --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED
    --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED
    --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED
    -Djdk.reflect.useDirectMethodHandle=false -Dio.netty.tryReflectionSetAccessible=true)

free_port() {
    local port
    for port in $(seq "$1" $(($1 + 200))); do
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "$port"
            return
        fi
    done
    echo "standalone.sh: no free port from $1" >&2
    exit 1
}

wait_for() {  # wait_for LOG PATTERN SECONDS WHAT
    for _ in $(seq $(($3 * 10))); do
        grep -q "$2" "$1" 2>/dev/null && return 0
        sleep 0.1
    done
    echo "standalone.sh: $4 did not start within $3 s; see $1" >&2
    exit 1
}

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# Data: the given .npy file, or synthetic float32 data. Denoising (slow: a full decode per row) runs on
# --denoise-data, else on the first --denoise-rows synthetic rows (the same seed gives the same rows
# first), else on all of --data.
gendict_spark=("$java" --add-modules jdk.incubator.vector "${opens[@]}" -Xmx1g -cp "$jar:$SPARK_HOME/jars/*"
    io.gendict.spark.SparkMain)
if [[ -z "$data" ]]; then
    data="$work/y.npy"
    "${gendict_spark[@]}" spark-synthetic --prior "$prior" --samples "$samples" --out "$data" 2>"$work/synthetic.log"
    if [[ -z "$denoise_data" ]]; then
        denoise_data="$work/y-denoise.npy"
        "${gendict_spark[@]}" spark-synthetic --prior "$prior" --samples "$((denoise_rows < samples ? denoise_rows : samples))" \
            --out "$denoise_data" 2>>"$work/synthetic.log"
    fi
fi
denoise_data="${denoise_data:-$data}"

t0="$(now)"
port="$(free_port 17077)"
master="spark://127.0.0.1:$port"
"$java" "${opens[@]}" -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.master.Master \
    --host 127.0.0.1 --port "$port" --webui-port 0 >"$work/master.log" 2>&1 &
pids+=($!)
wait_for "$work/master.log" "I have been elected leader" 60 "the master"
for i in $(seq "$workers"); do
    mkdir -p "$work/worker-$i"
    "$java" "${opens[@]}" -Xmx256m -cp "$SPARK_HOME/jars/*" org.apache.spark.deploy.worker.Worker \
        --host 127.0.0.1 --cores 1 --memory "$worker_memory" --work-dir "$work/worker-$i" --webui-port 0 \
        "$master" >"$work/worker-$i.log" 2>&1 &
    pids+=($!)
done
for i in $(seq "$workers"); do
    wait_for "$work/worker-$i.log" "Successfully registered with master" 60 "worker $i"
done
echo "cluster: master $master and $workers workers (1 core, $worker_memory each) up in $(elapsed "$t0") s"

# Client mode: the driver is the SparkSubmit JVM below, so --add-modules must be on its own command line
# (spark.driver.extraJavaOptions cannot reach a JVM that is already running; without it the driver runs
# the scalar kernels). Executors get it through spark.executor.extraJavaOptions.
submit=("$java" --add-modules jdk.incubator.vector "${opens[@]}" -Xmx1g -cp "$SPARK_HOME/jars/*"
    org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client
    --class io.gendict.spark.SparkMain --executor-memory "$executor_memory" --total-executor-cores "$workers"
    --conf spark.executor.extraJavaOptions=--add-modules=jdk.incubator.vector
    --conf spark.ui.enabled=false --conf spark.driver.host=127.0.0.1 --conf spark.driver.bindAddress=127.0.0.1
    "$jar")

t1="$(now)"
"${submit[@]}" spark-learn --data "$data" --prior "$prior" --batch-size "$batch_size" --epochs "$epochs" \
    --partitions "$workers" --seed 1 --out "$work/model-cluster" --verbose >"$work/learn.out" 2>"$work/learn.log" &
driver=$!
pids+=("$driver")
if [[ -n "$kill_at" ]]; then
    wait_for "$work/learn.log" "batch $kill_at of" 600 "batch $kill_at"
    for w in "${pids[@]:1:$workers}"; do
        victim="$(ps -o pid= --ppid "$w" | head -n 1 | tr -d ' ')"
        if [[ -n "$victim" ]]; then
            kill -9 "$victim"
            echo "killed executor $victim (of worker pid $w) after batch $kill_at"
            break
        fi
    done
fi
if ! wait "$driver"; then
    echo "standalone.sh: spark-learn failed; last lines of $work/learn.log:" >&2
    tail -n 20 "$work/learn.log" >&2
    exit 1
fi
learn_s="$(elapsed "$t1")"
echo "spark-learn on the cluster: $(cat "$work/learn.out") (submit to exit: $learn_s s)"

t2="$(now)"
if ! "${submit[@]}" spark-denoise --model "$work/model-cluster" --in "$denoise_data" --partitions "$workers" \
        --out "$work/denoised-cluster" >"$work/denoise.out" 2>"$work/denoise.log"; then
    echo "standalone.sh: spark-denoise failed; last lines of $work/denoise.log:" >&2
    tail -n 20 "$work/denoise.log" >&2
    exit 1
fi
echo "spark-denoise on the cluster: $(cat "$work/denoise.out") ($(elapsed "$t2") s)"

t3="$(now)"
"$root/gendict" learn --data "$data" --prior "$prior" --batch-size "$batch_size" --epochs "$epochs" --seed 1 \
    --threads "$workers" --out "$work/model-local" >"$work/local-learn.out"
echo "gendict learn ($workers threads): $(cat "$work/local-learn.out") ($(elapsed "$t3") s)"
"$root/gendict" denoise --model "$work/model-cluster" --in "$denoise_data" --out "$work/denoised-local.npy" >/dev/null

echo "agreement with gendict learn / gendict denoise:"
"${gendict_spark[@]}" spark-compare --master 'local[1]' --model "$work/model-cluster" --reference "$work/model-local" \
    --denoised "$work/denoised-cluster" --reference-denoised "$work/denoised-local.npy" --bound "$bound" \
    2>"$work/compare.log" | sed 's/^/  /'
echo "total $(elapsed "$t0") s"
