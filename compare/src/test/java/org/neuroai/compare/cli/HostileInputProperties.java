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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Malformed and hostile input, generated: specs (wrong types, NaN, huge numbers, deep nesting,
 * alias bombs, duplicate keys, unknown names, random bytes), command lines and data files. Every
 * one ends in exit status 2 with short lines on standard error, or exit 0 where it happens to be
 * valid, within a second of the calling thread's CPU time: never a stack trace, a hang or a crash.
 *
 * <p>No generated input starts a training run: each spec and command line carries one mistake by
 * construction (an unknown key or setting, a missing file), or is a request for help or a listing.
 */
class HostileInputProperties {
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static Path tmp;
    /** Most mistakes the command line prints for one command (Main.MAX_PROBLEMS). */
    private static final int MAX_PROBLEMS = 20;
    private static int counter;

    @BeforeContainer
    static void warmUp() throws IOException {
        tmp = Files.createTempDirectory("hostile");
        // the first calls load the registries, Jackson and picocli: not what the bound is about
        CliRun.of("list");
        CliRun.of("run", tmp.resolve("nothing.yaml").toString());
        CliRun.of("run", "xor", "--set", "zz=1", "--out", tmp.resolve("w").toString());
    }

    @AfterContainer
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
    @Provide
    Arbitrary<String> values() {
        return Arbitraries.oneOf(
                Arbitraries.of(".nan", ".inf", "-.inf", "NaN", "1e309", "-1", "0", "true", "null", "~", "[]", "{}", "''",
                        "99999999999999999999999", "2147483648", "0x7fffffff", "1e-400", "\"\\u0000\"", "!!binary AAAA", "*undefined",
                        "&a [*a]", "'" + "z".repeat(3000) + "'"),
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.doubles().map(String::valueOf),
                Arbitraries.strings().ofMaxLength(40).map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
                Arbitraries.integers().between(1, 60).map(n -> "[".repeat(n) + "]".repeat(n)),
                Arbitraries.integers().between(1, 60).map(n -> "{a: ".repeat(n) + "1" + "}".repeat(n)));
    }

    @Provide
    Arbitrary<String> keys() {
        return Arbitraries.oneOf(
                Arbitraries.of("experiment", "seeds", "first_seed", "quick", "set", "task", "learners", "steps", "epochs", "batch",
                        "eval_every", "record", "figures", "baselines", "smoke", "name", "threads", "quick_length", "weight_seed"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
    }

    /** A YAML mapping of random keys and values, and a mistake that makes it invalid whatever else it holds. */
    @Provide
    Arbitrary<String> specs() {
        Arbitrary<String> entry = Combinators.combine(keys(), values()).as((k, v) -> k + ": " + v);
        Arbitrary<String> body = entry.list().ofMaxSize(8).map(l -> String.join("\n", l));
        Arbitrary<String> experiment = Arbitraries.of("pca", "xor", "bcm", "nosuch", "digits-features", "");
        Arbitrary<String> settings = Combinators.combine(Arbitraries.of("k", "d", "steps", "bio.eta", "task", "nosuch", "ae.lr"),
                values()).as((k, v) -> "  " + k + ": " + v).list().ofMaxSize(4).map(l -> String.join("\n", l));
        Arbitrary<String> runSpec = Combinators.combine(experiment, body, settings)
                .as((e, b, s) -> "experiment: " + e + "\n" + b + "\nset:\n" + s + "\n  zz_not_a_setting: 1\n");
        Arbitrary<String> task = Arbitraries.of("xor", "iris", "gaussian", "nosuch", "poisson", "wine");
        Arbitrary<String> network = Arbitraries.of("mlp", "autoencoder", "linear-autoencoder", "oja", "nosuch");
        Arbitrary<String> comparison = Combinators.combine(task, network, values(), values(), body)
                .as((t, n, hidden, steps, b) -> "task: {name: " + t + "}\nsteps: " + steps + "\nlearners:\n  - name: a\n    network: " + n
                        + "\n    params: {hidden: " + hidden + "}\nrecord: {metrics: [zz_not_a_metric]}\n" + b + "\n");
        Arbitrary<String> duplicates = Combinators.combine(keys(), values(), values())
                .as((k, a, b) -> "experiment: pca\n" + k + ": " + a + "\n" + k + ": " + b + "\n");
        Arbitrary<String> aliasBomb = Arbitraries.integers().between(2, 12).map(HostileInputProperties::aliasBomb);
        Arbitrary<String> deep = Arbitraries.integers().between(50, 3000).map(n -> "experiment: pca\nset: " + "[".repeat(n) + "]".repeat(n) + "\n");
        Arbitrary<String> indented = Arbitraries.integers().between(20, 400).map(HostileInputProperties::deepMapping);
        return Arbitraries.oneOf(runSpec, comparison, duplicates, aliasBomb, deep, indented);
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

    @Property(tries = 60)
    void aMalformedSpecIsOneLinePerMistake(@ForAll("specs") String yaml) {
        Path f = file("spec.yaml", yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        CliRun o = check("run", f.toString(), "--out", f.resolveSibling("out").toString(), "--quiet");
        assertEquals(2, o.code(), "every generated spec has a mistake: " + yaml);
    }

    @Property(tries = 30)
    void randomBytesAsASpecAreOneLine(@ForAll byte[] bytes) {
        Path f = file("bytes.yaml", bytes);
        assertEquals(2, check("run", f.toString(), "--out", f.resolveSibling("out").toString()).code());
    }

    // ---------------------------------------------------------------- command lines

    @Provide
    Arbitrary<List<String>> commandLines() {
        Arbitrary<String> command = Arbitraries.of("run", "sweep", "plot", "protocol", "list");
        Arbitrary<String> target = Arbitraries.oneOf(Arbitraries.of("pca", "xor", "nosuch", "stdp-window", "stp-train", "habituation",
                "custom", "", "-", "--", "/proc/x", "/dev/null", "nosuch.yaml"), Arbitraries.strings().ofMaxLength(30));
        Arbitrary<String> option = Arbitraries.of("--seeds", "--out", "--quick", "--threads", "--set", "--grid", "--json", "--quiet",
                "--figure", "--theme", "--format", "--metric", "--rule", "--preset", "--pairs", "--frequency", "--from", "--to", "--step",
                "--isi", "--spikes", "--pre-spikes", "--nosuch", "-x");
        Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.of("0", "-1", "NaN", "1e309", "2147483648", "k=", "=1", "k=1,2,x",
                "bio.eta=.nan", "steps=-5", "png,jpg", "dark", "", "a=b=c", "zz=1"), Arbitraries.strings().ofMaxLength(20));
        Arbitrary<List<String>> options = Combinators.combine(option, value).as(List::of).list().ofMaxSize(5)
                .map(l -> l.stream().flatMap(List::stream).toList());
        return Combinators.combine(command, target, options).as((c, t, o) -> {
            List<String> args = new ArrayList<>(List.of(c, t));
            args.addAll(o);
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
        });
    }

    @Property(tries = 80)
    void aRandomCommandLineEndsInOneLineOrHelp(@ForAll("commandLines") List<String> args) {
        check(args.toArray(String[]::new));
    }

    // ---------------------------------------------------------------- data files

    /** A CSV data set with a header, rows of random cells, or a random header. */
    @Provide
    Arbitrary<String> csvFiles() {
        Arbitrary<String> cell = Arbitraries.oneOf(Arbitraries.of("NaN", "Infinity", "-Infinity", "1e309", "", " ", "x", "0x1p3", "1,2",
                "\"1\"", "-0", "3"), Arbitraries.doubles().map(String::valueOf), Arbitraries.strings().ofMaxLength(6));
        Arbitrary<String> row = cell.list().ofMinSize(1).ofMaxSize(7).map(l -> String.join(",", l));
        Arbitrary<String> header = Arbitraries.oneOf(Arbitraries.of("150,4,setosa,versicolor,virginica", "3,4,a,b,c", "-1,4,a",
                "2147483647,2147483647,a", "3,0,a", "0,0", "", "n,d"), row);
        return Combinators.combine(header, row.list().ofMaxSize(12)).as((h, rows) -> h + "\n" + String.join("\n", rows) + "\n");
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
        String before = System.getProperty("neuroai.data");
        System.setProperty("neuroai.data", data.toString());
        try {
            return check("run", spec.toString(), "--out", spec.resolveSibling("out").toString());
        } finally {
            if (before == null) {
                System.clearProperty("neuroai.data");
            } else {
                System.setProperty("neuroai.data", before);
            }
        }
    }

    @Property(tries = 60)
    void aMalformedCsvDataFileIsOneLine(@ForAll("csvFiles") String csv) {
        CliRun o = withData(d -> write(d.resolve("iris.csv"), csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), "iris");
        assertEquals(2, o.code());
        if (o.err().contains("iris.csv") && (csv.contains("NaN") || csv.contains("Infinity"))) {
            assertFalse(o.err().contains("zz_not_a_metric") && !o.err().contains("iris.csv:"), o.err());
        }
    }

    /** An IDX file: a magic number, counts and sizes (often wrong), and some bytes. */
    @Provide
    Arbitrary<byte[]> idxFiles() {
        Arbitrary<Integer> any = Arbitraries.oneOf(Arbitraries.of(0, 1, -1, 28, 2049, 2051, 100, 60000, Integer.MAX_VALUE,
                Integer.MIN_VALUE, 65536), Arbitraries.integers());
        return Combinators.combine(any, any, any, any, Arbitraries.bytes().array(byte[].class).ofMaxSize(3000))
                .as((magic, n, rows, cols, rest) -> {
                    ByteBuffer b = ByteBuffer.allocate(16 + rest.length);
                    b.putInt(magic).putInt(n).putInt(rows).putInt(cols).put(rest);
                    return b.array();
                });
    }

    @Property(tries = 40)
    void aMalformedIdxFileIsOneLine(@ForAll("idxFiles") byte[] images, @ForAll("idxFiles") byte[] labels) {
        CliRun o = withData(d -> {
            for (String set : List.of("train", "t10k")) {
                write(d.resolve("mnist/" + set + "-images-idx3-ubyte.gz"), gzip(images));
                write(d.resolve("mnist/" + set + "-labels-idx1-ubyte.gz"), gzip(labels));
            }
        }, "mnist");
        assertEquals(2, o.code());
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
}
