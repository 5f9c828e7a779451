package org.neuroai.compare;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.neuroai.compare.engine.Experiment;

/** Writes {@code index.md} and {@code index.html} linking every figure of a demo. */
public final class DemoIndex {
    private DemoIndex() {}

    /**
     * @param dir the demo folder
     * @param experiments the experiments run, in order
     * @param results their results, in the same order
     * @return the Markdown index
     * @throws IOException when it cannot be written
     */
    public static Path write(Path dir, List<Experiment> experiments, List<Runner.Result> results) throws IOException {
        StringBuilder md = new StringBuilder("# neuroai demo\n\nEvery built-in experiment in quick mode. "
                + "Each folder holds the CSV traces behind its figures and a provenance.json.\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<title>neuroai demo</title><style>body{font-family:sans-serif;max-width:960px;margin:2em auto;}"
                + "img{max-width:100%;border:1px solid #ddd;}</style></head><body>\n<h1>neuroai demo</h1>\n"
                + "<p>Every built-in experiment in quick mode. Each folder holds the CSV traces behind its figures "
                + "and a provenance.json.</p>\n");
        for (int i = 0; i < experiments.size(); i++) {
            Experiment e = experiments.get(i);
            Runner.Result r = results.get(i);
            md.append("\n## ").append(e.name()).append("\n\n").append(e.description()).append(".\n");
            html.append("<h2>").append(esc(e.name())).append("</h2>\n<p>").append(esc(e.description())).append(".</p>\n");
            for (Map.Entry<String, String> f : r.figures().entrySet()) {
                String rel = e.name() + "/" + f.getKey();
                md.append("\n![").append(f.getValue()).append("](").append(rel).append(".png)\n\n*").append(f.getValue())
                        .append("* ([SVG](").append(rel).append(".svg))\n");
                html.append("<figure><img src=\"").append(rel).append(".png\" alt=\"").append(esc(f.getValue()))
                        .append("\"><figcaption>").append(esc(f.getValue())).append(" (<a href=\"").append(rel)
                        .append(".svg\">SVG</a>)</figcaption></figure>\n");
            }
        }
        html.append("</body></html>\n");
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("index.html"), html);
        Path index = dir.resolve("index.md");
        Files.writeString(index, md);
        return index;
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
