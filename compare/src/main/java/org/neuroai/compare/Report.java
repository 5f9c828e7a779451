package org.neuroai.compare;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.compare.engine.Stats;

/**
 * A run's report: {@code report.md}, and {@code report.html} with its figures embedded so that it
 * opens offline as one file. Built from the run folder's files alone, so {@code neuroai report}
 * can rebuild it at any time.
 */
public final class Report {
    private Report() {}

    /**
     * Writes report.md and report.html into a run folder.
     *
     * @param dir the run folder (with curves.csv and provenance.json)
     * @param title the experiment's one-line description
     * @param figures figure base names and captions
     * @param failed figures that could not be drawn, base name to why (a figure of {@code figures}
     *     without its PNG in the folder is also reported as not drawn)
     * @param unit what a step counts
     * @throws IOException when a file cannot be written
     */
    public static void write(Path dir, String title, Map<String, String> figures, Map<String, String> failed, String unit)
            throws IOException {
        JsonNode prov = provenance(dir);
        List<Summary.Final> finals = Summary.finals(TraceReader.read(dir.resolve("curves.csv"), r -> true));
        String experiment = prov.at("/spec/experiment").asText();
        StringBuilder md = new StringBuilder();
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>")
                .append(esc(experiment)).append("</title><style>body{font-family:sans-serif;max-width:980px;margin:2em auto;}"
                        + "table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}"
                        + "th:first-child,td:first-child,td:nth-child(2){text-align:left}img{max-width:100%}</style></head><body>\n");
        md.append("# ").append(experiment).append("\n\n").append(title).append(".\n\n");
        html.append("<h1>").append(esc(experiment)).append("</h1>\n<p>").append(esc(title)).append(".</p>\n");
        String when = prov.at("/created").asText();
        String commit = prov.at("/git/commit").asText();
        String seeds = prov.at("/spec/seeds").asText();
        md.append(String.format(Locale.ROOT, "Run %s, %s seed(s) from %s, commit %s.%n%n", when, seeds, prov.at("/spec/first_seed").asText(), commit));
        html.append("<p>Run ").append(esc(when)).append(", ").append(esc(seeds)).append(" seed(s), commit <code>").append(esc(commit))
                .append("</code>.</p>\n");
        md.append("## Final values\n\n| learner | metric | mean | min | max |\n|---|---|---|---|---|\n");
        html.append("<h2>Final values</h2>\n<table><tr><th>learner</th><th>metric</th><th>mean</th><th>min</th><th>max</th></tr>\n");
        for (Summary.Final f : finals) {
            String[] v = f.values("%.5g");
            String note = f.note().isEmpty() ? "" : " (" + f.note() + ")";
            md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s |%n", f.learner(), f.metric() + note, v[0], v[1], v[2]));
            html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                    esc(f.learner()), esc(f.metric() + note), esc(v[0]), esc(v[1]), esc(v[2])));
        }
        html.append("</table>\n");
        Summary.Final first = finals.stream().filter(f -> !f.allDiverged()).findFirst().orElse(null);
        if (first != null) {
            md.append(String.format(Locale.ROOT, "%nAfter %d %s, over %d seed(s).%n", first.step(), unit,
                    first.seeds() + first.diverged().size()));
        }
        if (finals.stream().anyMatch(f -> !f.diverged().isEmpty())) {
            String text = "A learner that diverged (a weight or a measured value not a finite number, or a layer's weights "
                    + "past a norm of 1e6) was stopped at that checkpoint, and the other learners and seeds went on; "
                    + "its values before are in curves.csv, and the values above are over the seeds in which it did not diverge.";
            md.append('\n').append(text).append('\n');
            html.append("<p>").append(esc(text)).append("</p>\n");
        }
        List<Stats.Difference> diffs = Stats.pairedFinal(TraceReader.read(dir.resolve("curves.csv"), r -> true));
        if (!diffs.isEmpty()) {
            md.append("\n## Paired differences at the end\n\nDifference of the final values, seed by seed (every learner "
                    + "saw the same samples for a seed); 95 % t-interval of the mean difference.\n\n"
                    + "| metric | learners | mean difference | 95 % interval | seeds |\n|---|---|---|---|---|\n");
            html.append("<h2>Paired differences at the end</h2>\n<p>Final values, seed by seed; 95 % t-interval of the mean "
                    + "difference.</p>\n<table><tr><th>metric</th><th>learners</th><th>mean difference</th><th>95 % interval</th>"
                    + "<th>seeds</th></tr>\n");
            for (Stats.Difference d : diffs) {
                md.append(Stats.markdown(d)).append('\n');
                html.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s − %s</td><td>%.4g</td><td>[%.4g, %.4g]</td><td>%d</td></tr>%n",
                        esc(d.metric()), esc(d.a()), esc(d.b()), d.diff().mean(), d.diff().low(), d.diff().high(), d.diff().n()));
            }
            html.append("</table>\n");
        }
        md.append("\n## Figures\n");
        html.append("<h2>Figures</h2>\n");
        for (Map.Entry<String, String> f : figures.entrySet()) {
            Path png = dir.resolve(f.getKey() + ".png");
            md.append("\n![").append(f.getValue()).append("](").append(f.getKey()).append(".png)\n\n*").append(f.getValue())
                    .append("*\n");
            html.append("<figure><img alt=\"").append(esc(f.getValue())).append("\" src=\"data:image/png;base64,");
            if (Files.isRegularFile(png)) {
                html.append(Base64.getEncoder().encodeToString(Files.readAllBytes(png)));
            }
            html.append("\"><figcaption>").append(esc(f.getValue())).append("</figcaption></figure>\n");
        }
        Map<String, String> notDrawn = new java.util.LinkedHashMap<>(failed);
        for (String base : figures.keySet()) {
            if (!Files.isRegularFile(dir.resolve(base + ".png")) && !notDrawn.containsKey(base)) {
                notDrawn.put(base, "no " + base + ".png in the run folder");
            }
        }
        for (Map.Entry<String, String> f : notDrawn.entrySet()) {
            md.append("\nFigure ").append(f.getKey()).append(" was not drawn: ").append(f.getValue()).append('\n');
            html.append("<p>Figure ").append(esc(f.getKey())).append(" was not drawn: ").append(esc(f.getValue())).append("</p>\n");
        }
        md.append("\n## Settings\n\n| setting | value |\n|---|---|\n");
        html.append("<h2>Settings</h2>\n<table><tr><th>setting</th><th>value</th></tr>\n");
        for (Iterator<Map.Entry<String, JsonNode>> it = prov.at("/spec/set").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            md.append("| ").append(e.getKey()).append(" | ").append(e.getValue().asText()).append(" |\n");
            html.append("<tr><td>").append(esc(e.getKey())).append("</td><td>").append(esc(e.getValue().asText())).append("</td></tr>\n");
        }
        html.append("</table>\n</body></html>\n");
        write(dir.resolve("report.md"), md.toString());
        write(dir.resolve("report.html"), html.toString());
    }

    private static void write(Path file, String text) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(tmp, text);
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** The experiment a run folder comes from, read from its provenance. */
    public static String experimentOf(Path dir) {
        return provenance(dir).at("/spec/experiment").asText("");
    }

    /** The figures in a run folder: every PNG with an SVG beside it, captioned by its name. */
    public static Map<String, String> figuresIn(Path dir) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (var s = Files.list(dir)) {
            s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".png")).forEach(n -> {
                String base = n.substring(0, n.length() - 4);
                if (Files.isRegularFile(dir.resolve(base + ".svg"))) {
                    out.put(base, base.replace('_', ' '));
                }
            });
        }
        return out;
    }

    /**
     * The provenance.json of a run folder.
     *
     * @param dir the folder
     * @return its parsed provenance
     * @throws UserError when the folder holds no run or the file is not JSON
     */
    public static JsonNode provenance(Path dir) {
        Path prov = dir.resolve("provenance.json");
        if (!Files.isRegularFile(prov)) {
            throw new UserError(dir + ": not a run folder (no provenance.json); give a folder written by 'neuroai run'.");
        }
        try {
            return new ObjectMapper().readTree(prov.toFile());
        } catch (IOException e) {
            throw new UserError(prov + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ").");
        }
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
