package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Malformed and hostile input, generated: specs (wrong types, NaN, huge numbers, deep nesting,
 * alias bombs, duplicate keys, unknown names, random bytes), command lines and data files. Every
 * one ends in exit status 2 with short lines on standard error, or exit 0 where it happens to be
 * valid, within a second of the calling thread's CPU time: never a stack trace, a hang or a crash.
 *
 * <p>No generated input starts a training run: each spec and command line carries one mistake by
 * construction (an unknown key or setting, a missing file), or is a request for help or a listing.
 *
 * <p>Each property draws a fixed number of inputs from generators ({@link Gen}) with a fixed seed,
 * each input a test of its own, so a failure names the input and comes back on every run; set
 * {@code -Dhostile.seed=N} to draw others, {@code -Dhostile.tries=K} to draw more.
 */
class GeneratedHostileInputTest {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static Path tmp;
    /** Most mistakes the command line prints for one command (Main.MAX_PROBLEMS). */
    private static final int MAX_PROBLEMS = 20;
    private static int counter;

    private static final long SEED = Long.getLong("hostile.seed", 20261202L);
    private static final double TRIES = Double.parseDouble(System.getProperty("hostile.tries", "1"));

    @BeforeAll
    static void warmUp() throws IOException {
        tmp = Files.createTempDirectory("hostile");
        // the first calls load the registries, Jackson and picocli: not what the bound is about
        CliRun.of("list");
        CliRun.of("run", tmp.resolve("nothing.yaml").toString());
        CliRun.of("run", "xor", "--set", "zz=1", "--out", tmp.resolve("w").toString());
    }

    @AfterAll
    static void cleanUp() throws IOException {
        try (Stream<Path> s = Files.walk(tmp)) {
            s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** Runs a command line and checks how it ended. */
    private static CliRun check(String... args) {
        long t0 = CPU.getCurrentThreadCpuTime();
        CliRun o = CliRun.of(args);
        long cpu = CPU.getCurrentThreadCpuTime() - t0;
        String shown = String.join(" ", args);
        shown = shown.length() > 300 ? shown.substring(0, 300) + "..." : shown;
        assertTrue(o.code() == 0 || o.code() == 2, "exit " + o.code() + " for " + shown + "\n" + o.err());
        if (o.code() == 2) {
            List<String> lines = o.err().strip().lines().toList();
            assertFalse(lines.isEmpty(), "a reason is given for " + shown);
            assertTrue(lines.size() <= MAX_PROBLEMS + 1, lines.size() + " lines for " + shown);
            for (String l : lines) {
                assertTrue(l.startsWith("neuroai: "), "one sentence per line, no stack trace: " + o.err());
                assertTrue(l.length() < 2100, "a short line: " + l.length() + " characters");
            }
        }
        assertFalse(o.err().contains("\tat ") || o.err().contains("Exception"), o.err());
        assertTrue(cpu < 1_000_000_000L, cpu / 1e9 + " s of CPU for " + shown);
        return o;
    }

    private static Path file(String name, byte[] content) {
        try {
            Path dir = tmp.resolve("t" + counter++);
            Files.createDirectories(dir);
            Path f = dir.resolve(name);
            Files.write(f, content);
            return f;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---------------------------------------------------------------- specs

    /** A value of any type a YAML scalar or collection may hold, hostile ones included. */
    static Gen<String> values() {
        return Gen.oneOf(
                Gen.of(".nan", ".inf", "-.inf", "NaN", "1e309", "-1", "0", "true", "null", "~", "[]", "{}", "''",
                        "99999999999999999999999", "2147483648", "0x7fffffff", "1e-400", "\"\\u0000\"", "!!binary AAAA", "*undefined",
                        "&a [*a]", "'" + "z".repeat(3000) + "'"),
                Gen.integers().map(String::valueOf),
                Gen.doubles().map(String::valueOf),
                Gen.strings(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Gen.between(1, 60).map(n -> "[".repeat(n) + "]".repeat(n)),
                Gen.between(1, 60).map(n -> "{a: ".repeat(n) + "1" + "}".repeat(n)));
    }

    static Gen<String> keys() {
        return Gen.oneOf(
                Gen.of("experiment", "seeds", "first_seed", "quick", "set", "task", "learners", "steps", "epochs", "batch",
                        "eval_every", "record", "figures", "baselines", "smoke", "name", "threads", "quick_length", "weight_seed"),
                Gen.alpha(1, 12));
    }

    /** A YAML mapping of random keys and values, and a mistake that makes it invalid whatever else it holds. */
    static Gen<String> specs() {
        Gen<String> entry = r -> keys().next(r) + ": " + values().next(r);
        Gen<String> body = entry.list(8).map(l -> String.join("\n", l));
        Gen<String> experiment = Gen.of("pca", "xor", "bcm", "nosuch", "digits-features", "");
        Gen<String> setting = r -> "  " + Gen.of("k", "d", "steps", "bio.eta", "task", "nosuch", "ae.lr").next(r) + ": " + values().next(r);
        Gen<String> settings = setting.list(4).map(l -> String.join("\n", l));
        Gen<String> runSpec = r -> "experiment: " + experiment.next(r) + "\n" + body.next(r) + "\nset:\n" + settings.next(r)
                + "\n  zz_not_a_setting: 1\n";
        Gen<String> task = Gen.of("xor", "iris", "gaussian", "nosuch", "poisson", "wine");
        Gen<String> network = Gen.of("mlp", "autoencoder", "linear-autoencoder", "oja", "nosuch");
        Gen<String> comparison = r -> "task: {name: " + task.next(r) + "}\nsteps: " + values().next(r) + "\nlearners:\n  - name: a\n    network: "
                + network.next(r) + "\n    params: {hidden: " + values().next(r) + "}\nrecord: {metrics: [zz_not_a_metric]}\n" + body.next(r) + "\n";
        Gen<String> duplicates = r -> {
            String k = keys().next(r);
            return "experiment: pca\n" + k + ": " + values().next(r) + "\n" + k + ": " + values().next(r) + "\n";
        };
        Gen<String> aliasBomb = Gen.between(2, 12).map(GeneratedHostileInputTest::aliasBomb);
        Gen<String> deep = Gen.between(50, 3000).map(n -> "experiment: pca\nset: " + "[".repeat(n) + "]".repeat(n) + "\n");
        Gen<String> indented = Gen.between(20, 400).map(GeneratedHostileInputTest::deepMapping);
        return Gen.oneOf(runSpec, comparison, duplicates, aliasBomb, deep, indented);
    }

    private static String aliasBomb(int levels) {
        StringBuilder sb = new StringBuilder("experiment: pca\nset:\n  k: 1\nbomb:\n  l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < levels; i++) {
            sb.append("  l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 10; j++) {
                sb.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            sb.append("]\n");
        }
        return sb.toString();
    }

    private static String deepMapping(int depth) {
        StringBuilder sb = new StringBuilder("task: {name: xor}\nsteps: 10\nlearners:\n");
        for (int i = 0; i < depth; i++) {
            sb.append("  ".repeat(i + 1)).append("- a").append(i).append(":\n");
        }
        return sb.toString();
    }

    @TestFactory
    Stream<DynamicTest> aMalformedSpecIsOneLinePerMistake() {
        return Gen.tries("spec", 60, specs(), yaml -> {
            Path f = file("spec.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            CliRun o = check("run", f.toString(), "--out", f.resolveSibling("out").toString(), "--quiet");
            assertEquals(2, o.code(), "every generated spec has a mistake: " + yaml);
        });
    }

    @TestFactory
    Stream<DynamicTest> randomBytesAsASpecAreOneLine() {
        return Gen.tries("bytes", 30, Gen.bytes(200), bytes -> {
            Path f = file("bytes.yaml", bytes);
            assertEquals(2, check("run", f.toString(), "--out", f.resolveSibling("out").toString()).code());
        });
    }

    // ---------------------------------------------------------------- command lines

    static Gen<List<String>> commandLines() {
        Gen<String> command = Gen.of("run", "sweep", "plot", "protocol", "list");
        Gen<String> target = Gen.oneOf(Gen.of("pca", "xor", "nosuch", "stdp-window", "stp-train", "habituation",
                "custom", "", "-", "--", "/proc/x", "/dev/null", "nosuch.yaml"), Gen.strings(30));
        Gen<String> option = Gen.of("--seeds", "--out", "--quick", "--threads", "--set", "--grid", "--json", "--quiet",
                "--figure", "--theme", "--format", "--metric", "--rule", "--preset", "--pairs", "--frequency", "--from", "--to", "--step",
                "--isi", "--spikes", "--pre-spikes", "--nosuch", "-x");
        Gen<String> value = Gen.oneOf(Gen.of("0", "-1", "NaN", "1e309", "2147483648", "k=", "=1", "k=1,2,x",
                "bio.eta=.nan", "steps=-5", "png,jpg", "dark", "", "a=b=c", "zz=1"), Gen.strings(20));
        Gen<List<String>> pair = r -> List.of(option.next(r), value.next(r));
        Gen<List<String>> options = pair.list(5).map(l -> l.stream().flatMap(List::stream).toList());
        return r -> {
            String c = command.next(r);
            List<String> args = new ArrayList<>(List.of(c, target.next(r)));
            args.addAll(options.next(r));
            // never a real run: an unknown setting for the commands that train, and output under the test's folder
            if (!c.equals("list") && !c.equals("plot")) {
                args.addAll(List.of("--set", "zz_not_a_setting=1"));
            }
            for (int i = 0; i + 1 < args.size(); i++) {
                if (args.get(i).equals("--out")) {
                    args.set(i + 1, tmp.resolve("cli" + counter++).resolve(args.get(i + 1).replace('/', '_')).toString());
                }
            }
            return args;
        };
    }

    @TestFactory
    Stream<DynamicTest> aRandomCommandLineEndsInOneLineOrHelp() {
        return Gen.tries("command line", 80, commandLines(), args -> check(args.toArray(String[]::new)));
    }

    // ---------------------------------------------------------------- data files

    /** A CSV data set with a header, rows of random cells, or a random header. */
    static Gen<String> csvFiles() {
        Gen<String> cell = Gen.oneOf(Gen.of("NaN", "Infinity", "-Infinity", "1e309", "", " ", "x", "0x1p3", "1,2",
                "\"1\"", "-0", "3"), Gen.doubles().map(String::valueOf), Gen.strings(6));
        Gen<String> row = cell.list(1, 7).map(l -> String.join(",", l));
        Gen<String> header = Gen.oneOf(Gen.of("150,4,setosa,versicolor,virginica", "3,4,a,b,c", "-1,4,a",
                "2147483647,2147483647,a", "3,0,a", "0,0", "", "n,d"), row);
        return r -> header.next(r) + "\n" + String.join("\n", row.list(12).next(r)) + "\n";
    }

    /** Runs a spec on the iris task with its data file replaced; the spec asks for an unknown metric, so it never runs. */
    private static CliRun withData(java.util.function.Consumer<Path> write, String task) {
        Path data = tmp.resolve("data" + counter++);
        try {
            Files.createDirectories(data.resolve("mnist"));
            Files.writeString(data.resolve("README.md"), "test data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        write.accept(data);
        Path spec = file("data.yaml", ("task: {name: " + task + "}\nsteps: 10\nlearners:\n  - {name: d, rule: delta}\n"
                + "record: {metrics: [zz_not_a_metric]}\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try {
            return CliRun.withData(data, () -> check("run", spec.toString(), "--out", spec.resolveSibling("out").toString()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> aMalformedCsvDataFileIsOneLine() {
        return Gen.tries("csv", 60, csvFiles(), csv -> {
            CliRun o = withData(d -> write(d.resolve("iris.csv"), csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "iris");
            assertEquals(2, o.code());
            if (o.err().contains("iris.csv") && (csv.contains("NaN") || csv.contains("Infinity"))) {
                assertFalse(o.err().contains("zz_not_a_metric") && !o.err().contains("iris.csv:"), o.err());
            }
        });
    }

    /** An IDX file: a magic number, counts and sizes (often wrong), and some bytes. */
    static Gen<byte[]> idxFiles() {
        Gen<Integer> any = Gen.oneOf(Gen.of(0, 1, -1, 28, 2049, 2051, 100, 60000, Integer.MAX_VALUE, Integer.MIN_VALUE, 65536), Gen.integers());
        Gen<byte[]> rest = Gen.bytes(3000);
        return r -> {
            byte[] tail = rest.next(r);
            ByteBuffer b = ByteBuffer.allocate(16 + tail.length);
            b.putInt(any.next(r)).putInt(any.next(r)).putInt(any.next(r)).putInt(any.next(r)).put(tail);
            return b.array();
        };
    }

    @TestFactory
    Stream<DynamicTest> aMalformedIdxFileIsOneLine() {
        Gen<List<byte[]>> pair = r -> List.of(idxFiles().next(r), idxFiles().next(r));
        return Gen.tries("idx", 40, pair, files -> {
            CliRun o = withData(d -> {
                for (String set : List.of("train", "t10k")) {
                    write(d.resolve("mnist/" + set + "-images-idx3-ubyte.gz"), gzip(files.get(0)));
                    write(d.resolve("mnist/" + set + "-labels-idx1-ubyte.gz"), gzip(files.get(1)));
                }
            }, "mnist");
            assertEquals(2, o.code());
        });
    }

    private static void write(Path f, byte[] bytes) {
        try {
            Files.write(f, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A generator of test inputs: edge cases are drawn often (as a property-based tester would), the
     * rest uniformly.
     *
     * @param <T> what it generates
     */
    @FunctionalInterface
    interface Gen<T> {
        T next(Random r);

        default <U> Gen<U> map(java.util.function.Function<T, U> f) {
            return r -> f.apply(next(r));
        }

        default Gen<List<T>> list(int max) {
            return list(0, max);
        }

        default Gen<List<T>> list(int min, int max) {
            return r -> {
                int n = min + r.nextInt(max - min + 1);
                List<T> out = new ArrayList<>();
                for (int i = 0; i < n; i++) {
                    out.add(next(r));
                }
                return out;
            };
        }

        @SafeVarargs
        static <T> Gen<T> of(T... values) {
            return r -> values[r.nextInt(values.length)];
        }

        @SafeVarargs
        static <T> Gen<T> oneOf(Gen<? extends T>... gens) {
            return r -> gens[r.nextInt(gens.length)].next(r);
        }

        static Gen<Integer> between(int lo, int hi) {
            return r -> lo + r.nextInt(hi - lo + 1);
        }

        static Gen<Integer> integers() {
            return oneOf(of(0, 1, -1, Integer.MAX_VALUE, Integer.MIN_VALUE), r -> r.nextInt(), r -> r.nextInt(201) - 100);
        }

        static Gen<Double> doubles() {
            return oneOf(of(0.0, -0.0, Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-300, Double.NaN,
                    Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), r -> (r.nextDouble() - 0.5) * Math.pow(10, r.nextInt(40) - 20));
        }

        /** Strings of any characters: ASCII, controls, other scripts and surrogate pairs. */
        static Gen<String> strings(int maxLength) {
            return r -> {
                int n = r.nextInt(maxLength + 1);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    int kind = r.nextInt(10);
                    int cp = kind < 5 ? 32 + r.nextInt(95) : kind < 7 ? r.nextInt(32) : kind < 9 ? 0xA0 + r.nextInt(0x2FFF) : 0x1F300 + r.nextInt(0x200);
                    sb.appendCodePoint(cp);
                }
                return sb.toString();
            };
        }

        static Gen<String> alpha(int min, int max) {
            return r -> {
                int n = min + r.nextInt(max - min + 1);
                StringBuilder sb = new StringBuilder();
                for (int i = 0; i < n; i++) {
                    sb.append((char) ((r.nextBoolean() ? 'a' : 'A') + r.nextInt(26)));
                }
                return sb.toString();
            };
        }

        static Gen<byte[]> bytes(int maxLength) {
            return r -> {
                byte[] b = new byte[r.nextInt(maxLength + 1)];
                r.nextBytes(b);
                return b;
            };
        }

        /**
         * The tries of a property, each a test named by its number and input, drawn with a seed of
         * the property's own.
         */
        static <T> Stream<DynamicTest> tries(String name, int tries, Gen<T> gen, Consumer<T> property) {
            Random r = new Random(SEED ^ name.hashCode());
            int n = (int) Math.max(1, Math.round(tries * TRIES));
            List<DynamicTest> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                T input = gen.next(r);
                String shown = input instanceof byte[] b ? b.length + " bytes" : String.valueOf(input);
                shown = shown.length() > 60 ? shown.substring(0, 60) + "..." : shown;
                out.add(DynamicTest.dynamicTest(name + " " + (i + 1) + ": " + shown.replaceAll("\\p{Cntrl}", "?"), () -> property.accept(input)));
            }
            return out.stream();
        }
    }
}
