package org.neuroai.compare;

import java.util.Locale;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.compare.engine.Experiment;

/**
 * Writes an experiment as a YAML spec that {@code neuroai run} reads back: every setting with its
 * description, unit and valid range as a comment. {@code neuroai show} prints one with the
 * defaults; every run writes one with its resolved values as {@code spec.yaml}, so that
 * {@code neuroai run RUN_DIR/spec.yaml} runs it again.
 */
public final class SpecWriter {
    private SpecWriter() {}

    /**
     * The spec's text.
     *
     * @param exp the experiment
     * @param seeds number of seeds
     * @param firstSeed the first seed
     * @param quick the value of the {@code quick} key
     * @param values setting values; a setting missing here is written with its default
     * @param header comment lines to put first (without "# ")
     * @return YAML text
     */
    public static String yaml(Experiment exp, int seeds, long firstSeed, boolean quick, Map<String, Object> values, String... header) {
        StringBuilder b = new StringBuilder();
        b.append("# ").append(exp.name()).append(": ").append(exp.description()).append('\n');
        for (String h : header) {
            b.append("# ").append(h).append('\n');
        }
        b.append("experiment: ").append(exp.name()).append('\n');
        b.append("seeds: ").append(seeds).append('\n');
        b.append("first_seed: ").append(firstSeed).append('\n');
        b.append("quick: ").append(quick).append('\n');
        b.append("set:\n");
        for (ParamSpec p : exp.settings()) {
            Object v = values.getOrDefault(p.name(), p.defaultValue());
            String unit = p.unit().isEmpty() || p.unit().equals("1") ? "" : ", in " + p.unit();
            b.append(String.format(Locale.ROOT, "  # %s%s; valid: %s%n", p.description(), unit, p.validRange()));
            b.append(String.format(Locale.ROOT, "  %s: %s%n", p.name(), scalar(v)));
        }
        return b.toString();
    }

    private static String scalar(Object v) {
        if (v instanceof String s) {
            return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return String.valueOf(v);
    }
}
