package org.neuroai.compare.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.files.Folders;
import org.neuroai.compare.files.Manifest;
import org.neuroai.compare.files.RunFolder;
import org.neuroai.core.RunSpec;
import org.neuroai.core.UserError;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code neuroai reproduce RUN_DIR}: runs a finished run again from its provenance (experiment,
 * seeds, quick flag and every resolved setting) into a temporary folder, and compares the two
 * byte for byte, file by file. Rows of wall-clock times ({@code wall_...} metrics) measure the
 * machine and are left out of the comparison; so are the files that carry the date they were
 * made (provenance.json, the report, PDF figures). It also says which of the run's files changed
 * after it was written, from the SHA-256 sums in its manifest. Exit 0 when every file is the
 * same, 1 when any differs.
 */
@Command(name = "reproduce", description = "Run a finished run again from its provenance into a temporary folder and compare every file "
        + "byte for byte (wall-clock rows, dates and PDFs aside); exit 1 on any difference.")
final class ReproduceCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "A folder written by 'neuroai run'.")
    Path dir;

    @Option(names = "--quiet", description = "Print only the differences.")
    boolean quietOut;

    @Spec
    CommandSpec spec;

    /** Files that hold the time they were made: provenance (the run's, and each Tribuo baseline's), the report, PDF. */
    static boolean dated(Path rel) {
        String n = rel.getFileName().toString();
        return n.endsWith(RunFolder.PROVENANCE) || n.equals("report.md") || n.equals("report.html") || n.endsWith(".pdf")
                || n.equals(Manifest.NAME);
    }

    @Override
    public Integer call() throws Exception {
        if (!Files.isDirectory(dir)) {
            throw new UserError(dir + ": not a folder; give a folder written by 'neuroai run'.");
        }
        Manifest manifest;
        try {
            manifest = Manifest.read(dir).orElseThrow(() -> new UserError(dir + ": no " + Manifest.NAME
                    + ", so not a run written by this version of neuroai; give a folder written by 'neuroai run'."));
        } catch (IOException e) {
            throw new UserError(dir.resolve(Manifest.NAME) + ": cannot be read (" + e.getMessage() + "); not a run that can be reproduced.");
        }
        if (!manifest.kind().equals("run")) {
            throw new UserError(dir + ": holds a " + manifest.kind() + ", not a run; give a folder written by 'neuroai run'.");
        }
        RunFolder run = RunFolder.open(dir);
        RunSpec again = specOf(run);
        PrintWriter pw = spec.commandLine().getOut();
        List<String> edited = new ArrayList<>();
        for (Path rel : manifest.files()) {
            Path f = dir.resolve(rel);
            String was = manifest.sha256().get(rel);
            if (!Files.isRegularFile(f)) {
                edited.add(rel + " is missing");
            } else if (was != null && !was.isEmpty() && !was.equals(Manifest.sha256(f))) {
                edited.add(rel + " changed after the run wrote it (its SHA-256 is not the one in " + Manifest.NAME + ")");
            }
        }
        Path tmp = Files.createTempDirectory("neuroai-reproduce");
        try {
            Path out = tmp.resolve("run");
            if (!quietOut) {
                pw.println("running " + again.experiment() + " again (" + again.seeds() + " seed" + (again.seeds() == 1 ? "" : "s")
                        + (again.quick() ? ", quick" : "") + ") to compare with " + dir);
                pw.flush();
            }
            ProgressDisplay.run(again, out, false, spec.commandLine().getErr(), ProgressDisplay.Mode.choose(quietOut, false), () -> { });
            Manifest redone = Manifest.read(out).orElseThrow();
            TreeSet<Path> all = new TreeSet<>(manifest.files());
            all.addAll(redone.files());
            List<String> diffs = new ArrayList<>();
            int same = 0;
            for (Path rel : all) {
                if (dated(rel)) {
                    continue;
                }
                Path a = dir.resolve(rel);
                Path b = out.resolve(rel);
                if (!Files.isRegularFile(a)) {
                    diffs.add(rel + ": written again, but not in " + dir);
                } else if (!Files.isRegularFile(b)) {
                    diffs.add(rel + ": in " + dir + ", but not written again");
                } else {
                    String d = difference(a, b);
                    if (d == null) {
                        same++;
                    } else {
                        diffs.add(rel + ": " + d);
                    }
                }
            }
            for (String e : edited) {
                pw.println("note: " + e);
            }
            if (diffs.isEmpty()) {
                if (!quietOut) {
                    pw.println("reproduced " + dir + ": " + same + " files identical byte for byte (rows of wall-clock times aside; "
                            + "provenance files, the report and PDF figures carry dates and are not compared)");
                }
                pw.flush();
                return 0;
            }
            pw.println("not reproduced: " + diffs.size() + " of " + (same + diffs.size()) + " files differ from " + dir);
            for (String d : diffs) {
                pw.println("  " + d);
            }
            pw.flush();
            return 1;
        } finally {
            Folders.deleteTree(tmp);
        }
    }

    /** The run spec a run recorded: its experiment, seeds, quick flag and every resolved setting. */
    static RunSpec specOf(RunFolder run) {
        Path dir = run.dir();
        JsonNode s = run.provenance().path("spec");
        if (!s.path("experiment").isTextual() || !s.path("seeds").canConvertToInt() || !s.path("set").isObject()) {
            throw new UserError(run.file(RunFolder.PROVENANCE) + ": 'spec' lacks experiment, seeds or set; not a run that can be reproduced.");
        }
        String name = s.path("experiment").asText();
        Path file = dir.resolve("spec.yaml");
        // a comparison is known by the spec file it was run from, which the run keeps
        if (Files.isRegularFile(file)) {
            RunSpec fromFile = Experiments.target(file.toString());
            if (!fromFile.experiment().equals(name)) {
                throw new UserError(file + ": names experiment '" + fromFile.experiment() + "', but " + RunFolder.PROVENANCE + " names '" + name + "'.");
            }
        }
        Experiments.get(name);
        Map<String, Object> set = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = s.path("set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            // as text, as --set gives a value: a number's shortest text reads back as the same double
            set.put(e.getKey(), v.isValueNode() ? v.asText() : v.toString());
        }
        return new RunSpec(name, s.path("seeds").asInt(), s.path("first_seed").asLong(0), s.path("quick").asBoolean(false), set,
                run.file(RunFolder.PROVENANCE).toString());
    }

    /**
     * Where two files differ, or null when they are the same: for a trace or table with a metric
     * column, its rows of wall-clock times aside; the first differing line of a text file; or the
     * size and first differing byte of any other.
     */
    static String difference(Path a, Path b) throws IOException {
        String n = a.getFileName().toString();
        if (n.endsWith(".csv") || n.endsWith(".yaml") || n.endsWith(".json") || n.endsWith(".md") || n.endsWith(".svg")) {
            List<String> x = untimed(Files.readAllLines(a));
            List<String> y = untimed(Files.readAllLines(b));
            for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
                if (!x.get(i).equals(y.get(i))) {
                    return "line " + (i + 1) + " differs: '" + clip(x.get(i)) + "' here, '" + clip(y.get(i)) + "' run again";
                }
            }
            return x.size() == y.size() ? null : x.size() + " lines here, " + y.size() + " run again";
        }
        byte[] x = Files.readAllBytes(a);
        byte[] y = Files.readAllBytes(b);
        if (Arrays.equals(x, y)) {
            return null;
        }
        int i = Arrays.mismatch(x, y);
        return x.length + " bytes here, " + y.length + " run again; the first difference at byte " + i;
    }

    /** A table's lines without its rows of wall-clock times (a metric named wall_...). */
    static List<String> untimed(List<String> lines) {
        if (lines.isEmpty()) {
            return lines;
        }
        int metric = List.of(lines.get(0).split(",")).indexOf("metric");
        if (metric < 0) {
            return lines;
        }
        return lines.stream().filter(l -> {
            String[] cells = l.split(",", metric + 2);
            return cells.length <= metric || !cells[metric].startsWith("wall_");
        }).toList();
    }

    private static String clip(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
