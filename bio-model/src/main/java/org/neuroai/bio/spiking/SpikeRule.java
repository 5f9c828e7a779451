package org.neuroai.bio.spiking;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registered;
import org.neuroai.core.UserError;

/**
 * A synapse model driven by spike events: spike-timing-dependent plasticity, short-term
 * plasticity, calcium-based plasticity, the Aplysia sensory-motor synapse. A frozen declaration
 * (parameters with units and defaults from the paper, named presets) that creates the per-run
 * state, a {@link SpikeSynapse}.
 *
 * <p>Times are in milliseconds throughout, and parameter names carry their unit
 * ({@code tau_plus_ms}). Registered in {@code META-INF/services/org.neuroai.bio.spiking.SpikeRule}.
 */
public interface SpikeRule extends Registered {
    /** Every parameter, with the default set's values. */
    List<ParamSpec> parameters();

    /**
     * Named parameter sets from the literature, each a map from parameter name to value, keyed by
     * the names used in the published tables (e.g. {@code visual-cortex-all-to-all-minimal}).
     */
    default Map<String, Map<String, Object>> presets() {
        return Map.of();
    }

    /**
     * Whether the weight depends on the relative timing of pre- and postsynaptic spikes (STDP,
     * calcium), so that pairing protocols mean something for it. Purely presynaptic models
     * (short-term plasticity, homosynaptic depression) return false.
     */
    default boolean timingDependent() {
        return true;
    }

    /**
     * How long a protocol waits after the last spike before it reads the weight, in ms: 0 for
     * rules whose weight changes only at spikes; longer for rules whose weight keeps moving after
     * the spikes (a calcium transient above threshold).
     */
    default double settleMs() {
        return 0;
    }

    /** The preset whose values are the defaults, or "" when there are no presets. */
    default String defaultPreset() {
        return "";
    }

    /**
     * Makes a synapse in its initial state.
     *
     * @param params resolved parameters (see {@link #params(String, Map, String)})
     * @return a fresh synapse
     */
    SpikeSynapse create(Params params);

    /**
     * Resolves a preset and user overrides into parameters: defaults, then the preset's values,
     * then the overrides.
     *
     * @param preset a preset name, or null/empty for the default preset
     * @param overrides user values by parameter name
     * @param where the option or file the values came from, for messages
     * @return every parameter with its value
     * @throws UserError for an unknown preset, unknown key or invalid value
     */
    default Params params(String preset, Map<String, ?> overrides, String where) {
        Map<String, Object> merged = new LinkedHashMap<>();
        String chosen = preset == null || preset.isEmpty() ? defaultPreset() : preset;
        if (!chosen.isEmpty()) {
            Map<String, Object> values = presets().get(chosen);
            if (values == null) {
                throw new UserError(where + ": unknown preset '" + chosen + "' for rule '" + name() + "'; valid presets are: "
                        + (presets().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(presets().keySet()))) + ".");
            }
            merged.putAll(values);
        }
        merged.putAll(overrides);
        return Params.resolve(parameters(), merged, where);
    }
}
