package org.neuroai.compare.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Sweep;
import org.neuroai.core.RunSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The options of {@code neuroai sweep}, shared by every engine that runs a sweep (this command
 * line's, and the Spark module's), so that a sweep is asked for in the same words everywhere.
 */
public final class SweepOptions {
    /** An experiment name or a YAML spec. */
    @Parameters(index = "0", paramLabel = "NAME|FILE.yaml", description = "An experiment name or a YAML spec.")
    public String target;

    /** The swept settings, KEY=V1,V2,... each. */
    @Option(names = "--grid", paramLabel = "KEY=V1,V2,...", required = true, description = "A swept setting and its values; repeatable.")
    public List<String> grid;

    /** Seeds per point, or null for the spec's. */
    @Option(names = "--seeds", paramLabel = "N", description = "Seeds per point (default: the spec's, else 1).")
    public Integer seeds;

    /** Quick runs. */
    @Option(names = "--quick", description = "Quick runs.")
    public boolean quick;

    /** Fixed settings for every point. */
    @Option(names = "--set", paramLabel = "KEY=VALUE", description = "A fixed setting for every point; repeatable.")
    public Map<String, String> set = new LinkedHashMap<>();

    /** The sweep folder (a path, or a URI for the Spark engine). */
    @Option(names = "--out", paramLabel = "DIR|URI", required = true, description = "The sweep folder (resumed if it holds finished runs); "
            + "with --engine spark also a file://, hdfs:// or s3a:// URI that every executor reaches.")
    public String out;

    /** Refuse a point run earlier with other settings. */
    @Option(names = "--resume-only", description = "Refuse, rather than run again, a point whose earlier run in this folder had other settings.")
    public boolean resumeOnly;

    /** Print nothing but errors. */
    @Option(names = "--quiet", description = "Print nothing but errors.")
    public boolean quiet;

    /** Print the result as JSON. */
    @Option(names = "--json", description = "Print the result as one JSON object (sweep.csv, figures, points run and skipped); no progress.")
    public boolean json;

    /** local or spark; null when not given. */
    @Option(names = "--engine", paramLabel = "local|spark", description = "Where the runs run: local (the default for neuroai), one after the "
            + "other in this process; spark, as Spark tasks (bin/neuroai-spark, from the spark module).")
    public String engine;

    /** The Spark master, or null. */
    @Option(names = "--master", paramLabel = "URL", description = "With --engine spark: the Spark master (local[*], spark://HOST:7077, yarn, "
            + "k8s://...); default: spark-submit's, else local[*].")
    public String master;

    /**
     * The grid as given.
     *
     * @return key to its values, in order
     */
    public Map<String, List<String>> grid() {
        return Sweep.grid(grid);
    }

    /**
     * The spec every point starts from: the target with --seeds, --quick and --set applied.
     *
     * @return the base spec
     */
    public RunSpec base() {
        return Experiments.target(target).with(seeds, quick ? Boolean.TRUE : null, new LinkedHashMap<>(set));
    }

    /**
     * Prints what a finished sweep wrote: as one JSON object with --json, else a line per file
     * (nothing with --quiet).
     *
     * @param pw standard output
     * @param csv where sweep.csv is
     * @param figures where each swept setting's figure (PNG) is, in grid order
     * @param keys the swept settings
     * @param run points run now
     * @param already points found done
     * @throws java.io.IOException never in practice (JSON of plain values)
     */
    public void report(java.io.PrintWriter pw, String csv, List<String> figures, java.util.Collection<String> keys, int run, int already)
            throws java.io.IOException {
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("csv", csv);
            m.put("figures", figures);
            m.put("points_run", run);
            m.put("points_already_done", already);
            pw.println(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(m));
        } else if (!quiet) {
            pw.println("wrote " + csv);
            int k = 0;
            for (String key : keys) {
                pw.println("drew " + figures.get(k++) + " (and .svg, .pdf): final main metric against " + key);
            }
        }
    }
}
