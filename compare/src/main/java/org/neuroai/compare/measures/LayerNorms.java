package org.neuroai.compare.measures;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.neuroai.compare.files.Norms;
import org.neuroai.core.Learner;
import org.neuroai.core.WeightView;
import org.neuroai.core.engine.Checkpoint;
import org.neuroai.core.engine.Measure;
import org.neuroai.core.linalg.Linalg;

/**
 * The mean over a layer's units of the L2 norm of a unit's incoming weights, for every layer of
 * synapses ({@link #layers}), as metric {@code norm.LAYER}.
 */
public final class LayerNorms implements Measure {
    @Override
    public void measure(Learner l, Checkpoint at, Map<String, Double> out, Map<String, double[]> vectors) {
        WeightView v = l.weights();
        for (String g : layers(v)) {
            double[][] w = v.matrix(g);
            double sum = 0;
            for (double[] row : w) {
                sum += Linalg.norm(row);
            }
            out.put(Norms.PREFIX + g, sum / w.length);
        }
    }

    /**
     * The layers of synapses of a learner: its weight groups, without "w" when it repeats "layer0"
     * (networks name their first layer both ways), and without a network's bias vectors ("bias0",
     * ...), which are not synapses.
     *
     * @param v the learner's weights
     * @return the group names
     */
    public static List<String> layers(WeightView v) {
        List<String> g = new ArrayList<>(v.groups());
        g.removeIf(name -> name.matches("bias\\d+"));
        if (g.contains("layer0")) {
            g.remove("w");
        }
        return g;
    }
}
