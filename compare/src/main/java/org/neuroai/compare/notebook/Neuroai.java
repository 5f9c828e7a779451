package org.neuroai.compare.notebook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroai.compare.Experiments;
import org.neuroai.compare.Runner;
import org.neuroai.compare.Summary;
import org.neuroai.compare.charts.Render;
import org.neuroai.compare.charts.Theme;
import org.neuroai.compare.cli.Main;
import org.neuroai.core.RunSpec;
import org.neuroai.core.UserError;
import org.neuroai.core.trace.TraceReader;

/**
 * The toolkit from a notebook, in one import ({@code import org.neuroai.compare.notebook.*;}).
 * Nothing here trains or draws on its own: {@link #run} hands a spec to the {@link Runner} that
 * {@code neuroai run} uses, with the same experiments and registered figures, and {@link #protocol},
 * {@link #validate} and {@link #spec} run the command line's own commands in this process. Each call
 * writes a folder under {@link #out()}, replaced when the same call is made again.
 *
 * <pre>{@code
 * Run pca = Neuroai.run("pca", Neuroai.settings().set("bio.eta", 0.2));
 * pca.show("pca-curves")        // the figure, inline
 * pca.table()                   // final values over seeds
 * Neuroai.protocol("stp-train", "--preset", "tpm98-facilitating").show()
 * }</pre>
 */
public final class Neuroai {
    private static Run validation;

    private Neuroai() {}

    /** Quick, one seed, nothing overridden; chain {@code .set(KEY, VALUE)}, {@code .seeds(N)}, {@code .full()}. */
    public static Settings settings() {
        return Settings.QUICK;
    }

    /**
     * The folder the notebooks' runs go to: {@code -Dneuroai.notebook.out}, else
     * {@code out/notebooks/runs} under the project ({@code -Dneuroai.home}) or the working folder.
     */
    public static Path out() {
        String own = System.getProperty("neuroai.notebook.out");
        if (own != null && !own.isBlank()) {
            return Path.of(own);
        }
        return Path.of(System.getProperty("neuroai.home", ".")).resolve("out").resolve("notebooks").resolve("runs");
    }

    /**
     * Runs an experiment quick with one seed, as {@code neuroai run TARGET --quick}.
     *
     * @param target an experiment's name, an example spec's name or a YAML spec file
     * @return the run
     */
    public static Run run(String target) {
        return run(target, settings());
    }

    /**
     * Runs an experiment as {@code neuroai run TARGET} with these settings ({@code --quick},
     * {@code --seeds}, {@code --set}), into a folder of {@link #out()} named by the target and the
     * settings. Figures are written as PNG only, in the print theme.
     *
     * @param target an experiment's name, an example spec's name or a YAML spec file
     * @param settings quick or full, seeds, overridden settings
     * @return the run
     * @throws UserError for an unknown name or a bad setting, in the command line's words
     */
    public static Run run(String target, Settings settings) {
        RunSpec spec = Experiments.target(target).with(settings.seedCount(), settings.isQuick(), settings.overrides());
        Path dir = out().resolve(spec.experiment() + "-" + settings.key());
        Render png = new Render(Theme.PRINT, EnumSet.of(Render.Format.PNG));
        Runner.Result r;
        try {
            r = png.using(() -> Runner.run(spec, dir, true, study -> { }));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        List<List<String>> rows = new ArrayList<>();
        for (Summary.Final f : Summary.finals(TraceReader.read(r.out().resolve("curves.csv"), x -> true))) {
            String[] v = f.values("%.4g");
            rows.add(List.of(f.learner(), f.metric(), v[0], v[1], v[2], Integer.toString(f.seeds()), Long.toString(f.step())));
        }
        Table t = new Table(List.of("learner", "metric", "mean", "min", "max", "seeds", "step"), rows);
        for (String failure : r.failed()) {
            System.err.println("figure not drawn: " + failure);
        }
        return new Run(spec.experiment() + " (" + settings + ")", r.out(), r.figures(), t);
    }

    /**
     * Runs a stimulation protocol as {@code neuroai protocol NAME OPTIONS...} (stdp-window,
     * stdp-frequency, stp-train, habituation, custom, fi-curve, membrane, psp; {@code neuroai
     * protocol --help} lists the options).
     *
     * @param name the protocol
     * @param options the command line's options, such as {@code "--preset", "tpm98-depressing"}
     * @return its rows as the table and its chart as the one figure
     * @throws UserError for a bad name or option, in the command line's words
     */
    public static Run protocol(String name, String... options) {
        Path dir = out().resolve("protocol-" + name + "-" + String.format(Locale.ROOT, "%08x", String.join(" ", options).hashCode()));
        List<String> args = new ArrayList<>(List.of("protocol", name));
        args.addAll(List.of(options));
        args.addAll(List.of("--json", "--force", "--out", dir.toString()));
        JsonNode result = command(args);
        Map<String, String> figures = new LinkedHashMap<>();
        if (Files.isRegularFile(dir.resolve(name + ".png"))) {
            figures.put(name, name + " (" + result.path("rule").asText("LIF neuron") + ")");
        }
        return new Run("protocol " + name + (options.length == 0 ? "" : " " + String.join(" ", options)), dir, figures,
                table(result.path("results")));
    }

    /**
     * Runs every model against the published numbers and theory, as {@code neuroai validate}: once
     * per process (about half a minute), then the same result again.
     *
     * @return every check as the table, and the validation's figures
     */
    public static synchronized Run validate() {
        if (validation == null) {
            Path dir = out().resolve("validate");
            JsonNode result = command(List.of("validate", "--json", "--out", dir.toString()));
            Map<String, String> figures = new LinkedHashMap<>();
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : result.path("checks")) {
                String fig = c.path("figure").asText();
                if (!fig.isEmpty() && Files.isRegularFile(dir.resolve(fig + ".png"))) {
                    figures.merge(fig, c.path("check").asText(), (a, b) -> a + "; " + b);
                }
                rows.add(List.of(c.path("check").asText(), c.path("role").asText(), c.path("model").asText(), c.path("expected").asText(),
                        String.format(Locale.ROOT, "%.4g", c.path("got").asDouble()), c.path("error").asText(),
                        c.path("pass").asBoolean() ? "pass" : "FAIL", fig));
            }
            validation = new Run("validate", dir, figures,
                    new Table(List.of("check", "kind", "model", "expected", "got", "error", "pass", "figure"), rows));
        }
        return validation;
    }

    /**
     * An experiment's settings with their defaults, ranges and units, as {@code neuroai show NAME}
     * prints them (a YAML spec, every setting documented).
     *
     * @param target an experiment's or example spec's name
     * @return the spec's text
     */
    public static String spec(String target) {
        return text(List.of("show", target));
    }

    /**
     * A PNG file as an image the notebook shows inline.
     *
     * @param png the file
     * @return the image
     * @throws UserError when there is no such file
     */
    public static BufferedImage show(Path png) {
        if (!Files.isRegularFile(png)) {
            throw new UserError("no figure " + png + ".");
        }
        return Run.read(png);
    }

    /**
     * A figure of a run, as an image the notebook shows inline.
     *
     * @param run the run
     * @param figure the figure's registered or file name
     * @return the image
     */
    public static BufferedImage show(Run run, String figure) {
        return run.show(figure);
    }

    /** A JSON array of flat objects as a table, the first object's keys as the columns. */
    static Table table(JsonNode array) {
        List<String> header = new ArrayList<>();
        if (array.size() > 0) {
            array.get(0).fieldNames().forEachRemaining(header::add);
        }
        List<List<String>> rows = new ArrayList<>();
        for (JsonNode row : array) {
            List<String> cells = new ArrayList<>();
            for (String h : header) {
                JsonNode v = row.path(h);
                cells.add(v.isDouble() ? String.format(Locale.ROOT, "%.6g", v.asDouble()) : v.asText());
            }
            rows.add(cells);
        }
        return new Table(header, rows);
    }

    /** Runs a command of the command line in this process and reads its JSON output. */
    private static JsonNode command(List<String> args) {
        try {
            return new ObjectMapper().readTree(text(args));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a command of the command line in this process; its output, or its message as a {@link UserError}. */
    private static String text(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        if (code == Main.USER_ERROR) {
            StringBuilder msg = new StringBuilder();
            for (Iterator<String> it = err.toString().lines().iterator(); it.hasNext();) {
                msg.append(msg.length() == 0 ? "" : "\n").append(it.next().replaceFirst("^neuroai: ", ""));
            }
            throw new UserError(msg.toString());
        }
        if (code != 0 && !"validate".equals(args.get(0))) {
            throw new IllegalStateException("neuroai " + String.join(" ", args) + " ended with status " + code + ": " + err);
        }
        return out.toString();
    }
}
