package org.neuroai.bio.spiking.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Params;
import org.neuroai.core.data.Published;

/** The presets typed into the rules are the published tables, value for value. */
class PresetsMatchThePublishedTablesTest {
    @Test
    void tripletPresetsAreThePfisterGerstnerSets() {
        TripletStdpRule rule = new TripletStdpRule();
        Map<String, Map<String, String>> table = Published.pfister2006();
        assertEquals(table.keySet(), rule.presets().keySet());
        for (Map.Entry<String, Map<String, String>> e : table.entrySet()) {
            Params p = rule.params(e.getKey(), Map.of(), "test");
            for (String col : new String[] {"A2_plus", "A3_plus", "A2_minus", "A3_minus", "tau_plus_ms", "tau_minus_ms",
                "tau_x_ms", "tau_y_ms"}) {
                assertEquals(Double.parseDouble(e.getValue().get(col)), p.real(col), 0.0, e.getKey() + " " + col);
            }
            // the table calls the pairing scheme "pairing_scheme"; the rules call it "pairing", as stdp-pair does
            assertEquals(e.getValue().get("pairing_scheme"), p.string("pairing"));
        }
    }

    @Test
    void tsodyksMarkramPresetsAreThePublishedOnes() {
        TsodyksMarkramRule rule = new TsodyksMarkramRule();
        Map<String, Map<String, String>> table = Published.tsodyksMarkram();
        assertEquals(table.keySet(), rule.presets().keySet());
        for (Map.Entry<String, Map<String, String>> e : table.entrySet()) {
            Params p = rule.params(e.getKey(), Map.of(), "test");
            for (String col : new String[] {"U", "tau_rec_ms", "tau_facil_ms", "tau_inact_ms"}) {
                // the table's tau_facil_ms is the rule's tau_facilitation_ms
                String param = col.equals("tau_facil_ms") ? "tau_facilitation_ms" : col;
                assertEquals(Double.parseDouble(e.getValue().get(col)), p.real(param), 0.0, e.getKey() + " " + col);
            }
            // the convention follows the source: TPM 1998 presets use theirs, Gupta et al. the MWT 1998 form
            assertEquals(e.getKey().startsWith("tpm98") ? "tpm98" : "mwt98", p.string("convention"));
        }
    }
}
