package org.neuroai.compare.experiments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.compare.Runner;
import org.neuroai.compare.cli.Main;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.UserError;
import org.neuroai.core.RunSpec;
import org.neuroai.core.trace.TraceReader;
import org.neuroai.core.trace.TraceRow;

/**
 * A rule added by one class and one services line (in this module's test resources) shows in
 * {@code neuroai list} and runs in an experiment next to the built-in learners.
 */
class CustomRuleInExperimentTest {
    @TempDir
    Path tmp;

    /** Subspace rule of Oja (1989): Δw_i = η y_i (x − Σ_k y_k w_k), symmetric in the units. */
    public static final class SubspaceRule implements PlasticityRule {
        @Override
        public String name() {
            return "test-oja-subspace";
        }

        @Override
        public String description() {
            return "Oja's symmetric subspace rule, registered only in tests";
        }

        @Override
        public List<ParamSpec> parameters() {
            return List.of(ParamSpec.positive("eta", 0.005, 1, "1", "learning rate"));
        }

        @Override
        public Plasticity create(Params p, int nPre, int nPost) {
            double[] rec = new double[nPre];
            return new Plasticity() {
                @Override
                public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                    java.util.Arrays.fill(rec, 0);
                    for (int k = 0; k < w.length; k++) {
                        for (int j = 0; j < nPre; j++) {
                            rec[j] += post[k] * w[k][j];
                        }
                    }
                    for (int i = 0; i < w.length; i++) {
                        for (int j = 0; j < nPre; j++) {
                            w[i][j] += eta * post[i] * (pre[j] - rec[j]);
                        }
                    }
                }

                @Override
                public void reset() {}
            };
        }
    }

    @Test
    void theRuleIsListedAndRunsBesideTheOthers() {
        StringWriter out = new StringWriter();
        Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "list");
        assertTrue(out.toString().contains("test-oja-subspace"), out.toString());

        Path dir = tmp.resolve("run");
        Runner.run(new RunSpec("pca", 1, 0, false, Map.of("extra_rules", "test-oja-subspace"), "test"), dir);
        List<TraceRow> rows = TraceReader.read(dir.resolve("curves.csv"),
                r -> r.learner().equals("test-oja-subspace") && r.metric().equals("principal_angle_deg"));
        assertEquals(101, rows.size());
        // Oja's subspace rule converges to the principal subspace (Oja 1989), like GHA.
        assertTrue(rows.get(rows.size() - 1).value() < 5, "final angle " + rows.get(rows.size() - 1).value());
    }

    @Test
    void anUnknownOrDuplicateRuleIsRefused() {
        UserError e = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> Runner.run(
                new RunSpec("pca", 1, 0, true, Map.of("extra_rules", "stdp"), "test"), tmp.resolve("x")));
        assertEquals("unknown rule 'stdp'; valid rules are: " + Registry.names(PlasticityRule.class) + ".", e.getMessage());
        assertTrue(Registry.names(PlasticityRule.class).contains("test-oja-subspace"));
        org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> Runner.run(
                new RunSpec("pca", 1, 0, true, Map.of("extra_rules", "gha"), "test"), tmp.resolve("x")));
        UserError supervised = org.junit.jupiter.api.Assertions.assertThrows(UserError.class, () -> Runner.run(
                new RunSpec("pca", 1, 0, true, Map.of("extra_rules", "delta"), "test"), tmp.resolve("x")));
        assertTrue(supervised.getMessage().contains("'delta' is supervised"), supervised.getMessage());
        assertTrue(!java.nio.file.Files.exists(tmp.resolve("x")), "refused before anything is written");
    }
}
