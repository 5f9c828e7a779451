package org.neuroai.core.data;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.UserError;

/**
 * The published numbers vendored in {@code data/published/} (see its README for sources).
 */
public final class Published {
    private Published() {}

    /**
     * One point of Sjöström, Turrigiano &amp; Nelson 2001 (Neuron 32:1149).
     *
     * @param frequencyHz pairing frequency
     * @param deltaTMs t_post − t_pre
     * @param change fractional weight change, mean
     * @param sem its standard error
     */
    public record SjostromPoint(double frequencyHz, double deltaTMs, double change, double sem) {}

    /** The frequency dependence of STDP in visual cortex, 10 points. */
    public static List<SjostromPoint> sjostrom2001() {
        List<SjostromPoint> out = new ArrayList<>();
        for (Map<String, String> row : table("sjostrom2001_frequency.csv",
                List.of("pairing_frequency_hz", "delta_t_ms", "weight_change_fraction", "sem"))) {
            out.add(new SjostromPoint(num(row, "pairing_frequency_hz"), num(row, "delta_t_ms"),
                    num(row, "weight_change_fraction"), num(row, "sem")));
        }
        return out;
    }

    /** The triplet-STDP parameter sets of Pfister &amp; Gerstner 2006, by set name, columns as in the file. */
    public static Map<String, Map<String, String>> pfister2006() {
        return byFirstColumn("pfister2006_triplet_sets.csv", List.of("set", "pairing_scheme", "A2_plus", "A3_plus",
                "A2_minus", "A3_minus", "tau_plus_ms", "tau_minus_ms", "tau_x_ms", "tau_y_ms"));
    }

    /** The Tsodyks-Markram presets, by preset name, columns as in the file. */
    public static Map<String, Map<String, String>> tsodyksMarkram() {
        return byFirstColumn("tsodyks_markram_presets.csv", List.of("preset", "U", "tau_rec_ms", "tau_facil_ms",
                "tau_inact_ms", "source"));
    }

    private static Map<String, Map<String, String>> byFirstColumn(String file, List<String> header) {
        Map<String, Map<String, String>> out = new LinkedHashMap<>();
        for (Map<String, String> row : table(file, header)) {
            out.put(row.get(header.get(0)), row);
        }
        return out;
    }

    private static double num(Map<String, String> row, String key) {
        return Double.parseDouble(row.get(key));
    }

    /** Reads a small CSV with a known header; quoted fields may hold commas. */
    private static List<Map<String, String>> table(String name, List<String> header) {
        Path file = DataFiles.resolve("published/" + name);
        String[] lines = new String(DataFiles.read(file), StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank())
                .toArray(String[]::new);
        if (lines.length == 0 || !Arrays.asList(split(lines[0])).equals(header)) {
            throw new UserError(file + ":1: unexpected header; expected '" + String.join(",", header) + "'.");
        }
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] f = split(lines[i]);
            if (f.length != header.size()) {
                throw new UserError(file + ":" + (i + 1) + ": expected " + header.size() + " fields but found " + f.length + ".");
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int j = 0; j < f.length; j++) {
                row.put(header.get(j), f[j]);
            }
            for (String key : header) {
                String v = row.get(key);
                if (!key.equals(header.get(0)) && !key.equals("source") && !key.equals("pairing_scheme")) {
                    try {
                        Double.parseDouble(v);
                    } catch (NumberFormatException e) {
                        throw new UserError(file + ":" + (i + 1) + ": '" + v + "' in column '" + key + "' is not a number.");
                    }
                }
            }
            rows.add(row);
        }
        return rows;
    }

    private static String[] split(String line) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (char ch : line.toCharArray()) {
            if (ch == '"') {
                quoted = !quoted;
            } else if (ch == ',' && !quoted) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(ch);
            }
        }
        out.add(cur.toString());
        return out.toArray(String[]::new);
    }
}
