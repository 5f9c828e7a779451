package org.neuroai.compare.comparison;

import java.util.List;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.Activation;
import org.neuroai.bio.network.RuleNetwork;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.networks.SpikingNetwork;
import org.neuroai.core.Described;
import org.neuroai.core.Family;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.LearnerFactory;
import org.neuroai.core.bayes.BayesianModel;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;

/**
 * A checked comparison, ready to run: every value resolved, defaults included.
 *
 * @param name the comparison's name
 * @param description one line saying what is compared
 * @param taskFactory the task's factory
 * @param taskParams the task's resolved parameters
 * @param task the task
 * @param learners the learners, in spec order
 * @param length the run's length in its unit (steps or epochs)
 * @param inEpochs whether the length counts epochs
 * @param epochSize training samples per epoch (0 for endless tasks)
 * @param total the run's length in presentations
 * @param batch samples per step
 * @param evalEvery presentations between checkpoints
 * @param seeds number of seeds
 * @param firstSeed the first seed
 * @param quick whether the spec asks for the short version
 * @param quickLength the short version's length, in the run's unit
 * @param weightSeed a fixed seed of initial weights, or null to derive it from each run's seed
 * @param threads seeds run in parallel, 0 = one per core
 * @param metrics metrics to record at checkpoints
 * @param weightsEvery presentations between weight snapshots
 * @param maxSynapses recorded synapses per learner and layer, at most
 * @param histEvery presentations between weight histograms
 * @param bins histogram bins
 * @param low lower end of the histograms' range (values below count in the first bin)
 * @param high upper end (values above count in the last bin)
 * @param figures figures to draw
 * @param imageSide side of the square input images, or 0 when inputs are not images
 * @param baselines Tribuo's baselines to fit on the training samples and draw on the accuracy panel
 *     (names from {@link org.neuroai.ann.baselines.TribuoBaselines#MODELS}); empty for none
 * @param probes the learners' probes to record, by name; empty for none
 * @param probesEvery presentations between probe records
 * @param probeIndices recorded indices of each probe, at most
 */
public record Plan(String name, String description, TaskFactory taskFactory, Params taskParams, Task task,
                   List<LearnerPlan> learners, long length, boolean inEpochs, long epochSize, long total, int batch,
                   long evalEvery, int seeds, long firstSeed, boolean quick, long quickLength, Long weightSeed, int threads,
                   List<String> metrics, long weightsEvery, int maxSynapses, long histEvery, int bins, double low,
                   double high, List<String> figures, int imageSide, List<String> baselines, List<String> probes,
                   long probesEvery, int probeIndices) {

    /**
     * The synapses of a spiking learner.
     *
     * @param rule their spike rule
     * @param preset the rule's preset ("" for a rule without presets)
     * @param params the rule's resolved parameters (those the network sets, such as w0, are replaced
     *     synapse by synapse)
     */
    public record Synapses(SpikeRule rule, String preset, Params params) {
        /** "RULE (PRESET)". */
        public String shown() {
            return rule.name() + (preset.isEmpty() ? "" : " (" + preset + ")");
        }
    }

    /**
     * One learner: a layer of units learning by a plasticity rule, a network trained by gradient
     * descent, or a network of spiking neurons whose synapses learn by a spike rule.
     *
     * @param name its name in traces and charts
     * @param rule the plasticity rule, or null for a network
     * @param network the network trained by gradient descent or the Bayesian model, or null for a rule
     * @param params the rule's or network's resolved parameters
     * @param units units of a rule's layer
     * @param activation what a rule's units do with their summed input
     * @param bias whether a rule's units have a bias weight
     * @param tau annealing time constant of a rule's eta, in presentations (0: constant)
     * @param initNorm norm of each initial weight row of a rule's layer
     * @param ridge whether it is scored through a least-squares readout fitted at each checkpoint
     * @param label its legend entry (default: its name)
     * @param colour its colour key: a hex colour, or empty for its family's next colour
     * @param family which way it learns
     * @param probes the probes its learner offers
     * @param synapses the synapses of a spiking learner (whose {@code params} are then the spiking
     *     network's), or null for the others
     */
    public record LearnerPlan(String name, PlasticityRule rule, LearnerFactory network, Params params, int units,
                              Activation activation, boolean bias, double tau, double initNorm, boolean ridge, String label,
                              String colour, Family family, List<String> probes, Synapses synapses) {
        /** A rule's layer or a network, with the probes it offers. */
        public LearnerPlan(String name, PlasticityRule rule, LearnerFactory network, Params params, int units,
                           Activation activation, boolean bias, double tau, double initNorm, boolean ridge, String label,
                           String colour, Family family, List<String> probes) {
            this(name, rule, network, params, units, activation, bias, tau, initNorm, ridge, label, colour, family, probes, null);
        }

        /** A learner that offers no probes (until built once). */
        public LearnerPlan(String name, PlasticityRule rule, LearnerFactory network, Params params, int units,
                           Activation activation, boolean bias, double tau, double initNorm, boolean ridge, String label,
                           String colour, Family family) {
            this(name, rule, network, params, units, activation, bias, tau, initNorm, ridge, label, colour, family, List.of());
        }

        /**
         * A spiking learner: a {@link SpikingNetwork} whose synapses learn by a spike rule.
         *
         * @param name its name
         * @param network the network's resolved {@link SpikingNetwork#parameters()}
         * @param synapses its synapses
         * @param label its legend entry
         * @param colour its colour key
         * @return the learner
         */
        public static LearnerPlan spikingNetwork(String name, Params network, Synapses synapses, String label, String colour) {
            return new LearnerPlan(name, null, null, network, network.integer("neurons"), null, false, 0, 0, false, label, colour,
                    Family.BIO, List.of(), synapses);
        }

        /** Whether it is a network of spiking neurons, which learns from a task of spikes only. */
        public boolean spiking() {
            return synapses != null;
        }

        /** The declared parameters of its rule or network (for a spiking learner, the network's). */
        public List<ParamSpec> specs() {
            return rule != null ? rule.parameters() : network != null ? network.parameters() : SpikingNetwork.parameters();
        }

        /** "rule NAME", "network NAME", "bayes NAME" or "spiking network, synapses RULE (PRESET)". */
        public String model() {
            return rule != null ? "rule " + rule.name()
                    : network instanceof BayesianModel ? "bayes " + network.name()
                    : network != null ? "network " + network.name()
                    : "spiking network, synapses " + synapses.shown();
        }

        /** How it is shown: its label, family and colour key, and what it is made of. */
        public Described described() {
            String shape = rule != null ? ", " + units + (units == 1 ? " unit" : " units")
                    : spiking() ? ", " + units + (units == 1 ? " LIF neuron" : " LIF neurons") : "";
            return new Described(name, family, label, colour, model() + shape);
        }

        /** A copy with the family a built learner reports. */
        LearnerPlan withFamily(Family f) {
            return new LearnerPlan(name, rule, network, params, units, activation, bias, tau, initNorm, ridge, label, colour, f, probes,
                    synapses);
        }

        /** A copy with the probes a built learner offers. */
        LearnerPlan withProbes(List<String> offered) {
            return new LearnerPlan(name, rule, network, params, units, activation, bias, tau, initNorm, ridge, label, colour, family,
                    List.copyOf(offered), synapses);
        }

        /**
         * Declares the memory this learner will take, before it is built: a rule's layer its
         * weights ('units'), a spiking network its synapses ('neurons' times the task's inputs), a
         * network what its factory declares.
         *
         * @param f the run's footprint
         * @param inputs the task's input dimension
         * @param path where the learner was given ("learners[0]")
         * @param copies how many of it live at once (seeds run in parallel)
         */
        public void footprint(Footprint f, int inputs, String path, int copies) {
            String at = copies > 1 ? ", " + copies + " seeds at once" : "";
            if (rule != null) {
                f.need(path + ".units", "'units' = " + units + " of learner '" + name + "' (on " + inputs + " inputs" + at + ")",
                        copies * RuleNetwork.heapBytes(inputs, units), Footprint.Pool.HEAP);
            } else if (spiking()) {
                f.need(path + ".params.neurons", "'neurons' = " + units + " of learner '" + name + "' (each with a synapse from every one of "
                        + inputs + " inputs" + at + ")", copies * SpikingNetwork.heapBytes(inputs, units), Footprint.Pool.HEAP);
            } else {
                network.footprint(f, params, inputs, path + ".params", name, copies);
            }
        }

        /**
         * A fresh learner.
         *
         * @param inputs input dimension
         * @param weightSeed seed of its initial weights
         * @return the learner
         */
        public Learner build(int inputs, long weightSeed) {
            if (rule != null) {
                return new RuleNetwork(name, rule, params, inputs, units, activation, bias, tau, initNorm, weightSeed);
            }
            if (spiking()) {
                return new SpikingNetwork(name, params, synapses.rule(), synapses.params(), inputs, SpikingNetwork.weightRandom(weightSeed));
            }
            return network.create(name, params, inputs, weightSeed);
        }
    }
}
