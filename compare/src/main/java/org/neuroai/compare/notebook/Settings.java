package org.neuroai.compare.notebook;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * How a notebook runs an experiment: quick or full length, the number of seeds, and settings that
 * override the experiment's own, as {@code --quick}, {@code --seeds} and {@code --set KEY=VALUE} do
 * on the command line. Immutable: every method returns new settings.
 */
public final class Settings {
    /** Quick, one seed, nothing overridden: what a notebook cell runs unless it says otherwise. */
    public static final Settings QUICK = new Settings(true, 1, Map.of());

    private final boolean quick;
    private final int seeds;
    private final Map<String, Object> set;

    private Settings(boolean quick, int seeds, Map<String, Object> set) {
        this.quick = quick;
        this.seeds = seeds;
        this.set = Collections.unmodifiableMap(new LinkedHashMap<>(set));
    }

    /** The same, with the experiment's full-length settings instead of its quick ones. */
    public Settings full() {
        return new Settings(false, seeds, set);
    }

    /** The same, with the experiment's quick settings. */
    public Settings quick() {
        return new Settings(true, seeds, set);
    }

    /**
     * The same, with {@code n} seeds (a mean over seeds is drawn with its 95 % band).
     *
     * @param n the number of seeds, at least 1
     * @return the new settings
     */
    public Settings seeds(int n) {
        return new Settings(quick, n, set);
    }

    /**
     * The same, with one setting overridden ({@code neuroai show NAME} lists them with their ranges).
     *
     * @param key the setting's name, such as {@code bio.eta}
     * @param value its value: a number, a word or a boolean
     * @return the new settings
     */
    public Settings set(String key, Object value) {
        Map<String, Object> m = new LinkedHashMap<>(set);
        m.put(key, value);
        return new Settings(quick, seeds, m);
    }

    /** Whether the experiment's quick settings are used. */
    public boolean isQuick() {
        return quick;
    }

    /** The number of seeds. */
    public int seedCount() {
        return seeds;
    }

    /** The overridden settings, in the order given. */
    public Map<String, Object> overrides() {
        return set;
    }

    /** A short name for these settings, part of the folder a run is written to. */
    String key() {
        String text = quick + "|" + seeds + "|" + new TreeMap<>(set);
        return String.format(java.util.Locale.ROOT, "%08x", text.hashCode());
    }

    @Override
    public String toString() {
        return (quick ? "quick" : "full") + ", " + seeds + " seed" + (seeds == 1 ? "" : "s") + (set.isEmpty() ? "" : ", " + set);
    }
}
