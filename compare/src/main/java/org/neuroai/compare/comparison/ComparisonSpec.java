package org.neuroai.compare.comparison;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.ann.NetworkFactory;
import org.neuroai.ann.baselines.TribuoBaselines;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.Activation;
import org.neuroai.compare.engine.Experiment;
import org.neuroai.compare.figures.Figure;
import org.neuroai.compare.figures.Figures;
import org.neuroai.compare.files.Fields;
import org.neuroai.compare.files.LearnersFile;
import org.neuroai.compare.files.Traces;
import org.neuroai.compare.measures.FiringRates;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.networks.SpikingNetwork;
import org.neuroai.core.Family;
import org.neuroai.core.LearnerFactory;
import org.neuroai.core.bayes.BayesianModel;
import org.neuroai.core.Footprint;
import org.neuroai.core.Learner;
import org.neuroai.core.Probeable;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.PrincipalSubspace;
import org.neuroai.core.Registered;
import org.neuroai.core.Registry;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.SpecYaml;
import org.neuroai.core.UserError;

/**
 * A comparison written as YAML: a task, any learners (plasticity rules in a layer of units,
 * networks trained by gradient descent), how long, what to record and which figures to draw.
 * Every key is documented in {@link #KEYS} and the README; see {@code specs/} for an example.
 *
 * <p>Reading checks everything before anything runs and reports every mistake at once, one per
 * line, each with the file and line of the key at fault and what would be valid: unknown keys at
 * any level, wrong types, values out of range, unknown task, rule and network names, learner
 * parameters (through each rule's and network's own {@link ParamSpec}s), duplicate learner names,
 * and learners whose needs the task cannot meet (a supervised rule on a task without targets).
 */
public final class ComparisonSpec {
    /** The top-level keys, with what each means. */
    public static final Map<String, String> KEYS = ordered(
            "name", "the comparison's name (default: the file name); lower case, digits and '-'",
            "description", "one line saying what is compared",
            "task", "mapping: name (a registered task) and that task's parameters",
            "learners", "list of mappings, one per learner: name and one of rule, network, bayes or spiking, with params",
            "steps", "training samples presented to every learner (give steps or epochs); ms of simulated time on a task of spikes",
            "epochs", "passes over the task's training set (tasks with a fixed training set)",
            "batch", "samples per step: one gradient step of a network, one presentation each for a rule; ms per window on a task of spikes",
            "eval_every", "presentations between checkpoints (a multiple of batch)",
            "seeds", "number of seeds; seed i orders the samples of run i",
            "first_seed", "the first seed",
            "quick", "true for the short version (--quick)",
            "quick_length", "steps (or epochs) of the short version (default a tenth)",
            "weight_seed", "a fixed seed of the initial weights for every run (default: derived from each run's seed)",
            "threads", "seeds run in parallel; 0 = one per core",
            "record", "mapping: metrics (list), weights {every, max_synapses}, histograms {every, bins, range}, "
                    + "probes {names (list), every, max_indices}",
            "figures", "list of figures to draw",
            "baselines", "Tribuo's linear classifiers as dashed lines on the accuracy panel: true, false, or a list of "
                    + String.join(", ", TribuoBaselines.MODELS) + " (default: true on a task with class targets)",
            "smoke", "mapping of settings as --set takes them (steps or epochs, eval_every, task.KEY, LEARNER.KEY) that make the "
                    + "test suite's run of the comparison short, on top of its quick length: small data for a large task");
    /** Keys of a learner. */
    public static final Map<String, String> LEARNER_KEYS = ordered(
            "name", "the learner's name in traces and charts (unique; letters, digits, '-' and '_')",
            "rule", "a registered plasticity rule: the learner is one layer of units learning by it",
            "network", "a registered network trained by gradient descent",
            "bayes", "a registered Bayesian model that updates a posterior over its parameters, one sample at a time",
            "spiking", "mapping: rule (a registered spike rule), preset, and that rule's parameters: the learner is a network of "
                    + "spiking neurons whose synapses learn by the rule (on a task of spikes only)",
            "units", "units of a rule's layer (default: the task's outputs for supervised rules, else 1)",
            "activation", "what a rule's units do with their summed input",
            "bias", "whether a rule's units have a bias weight",
            "tau", "annealing of a rule's eta: eta/(1+t/tau) over t presentations; 0 keeps it constant",
            "init_norm", "norm of each unit's initial weight vector (rules)",
            "readout", "how an unsupervised layer is scored on a classification task: ridge (a least-squares "
                    + "readout fitted at each checkpoint) or none",
            "params", "the rule's or network's parameters (see neuroai list --json); for a spiking learner the spiking network's: "
                    + "neurons, g_max, w_max and the neurons' own",
            "label", "its legend entry in every figure (default: its name)",
            "colour", "its colour in every figure, a hex colour such as '#0072B2' (default: the next colour of its family)");
    /** The metrics a spec may record. */
    public static final List<String> METRICS = List.of("accuracy", "mse", "reconstruction_mse", "principal_angle_deg",
            "ece", "predictive_nll", "log_evidence", FiringRates.OUTPUT, FiringRates.INPUT);
    /** The metrics of spiking learners on a task of spikes. */
    static final List<String> SPIKE_METRICS = List.of(FiringRates.OUTPUT, FiringRates.INPUT);
    /** The figures a spec may ask for. */
    /** The figures a comparison draws unless its spec names others (receptive fields on image tasks only, probes when recorded). */
    public static final List<String> FIGURES = List.of("learning-curves", "weight-norms", "weight-trajectories",
            "weight-histograms", "receptive-fields", "probes");
    /** Longest run accepted, in presentations. */
    static final long MAX_STEPS = 1_000_000_000L;

    private final String source;
    private final String text;
    private final JsonNode root;
    private final Map<String, Integer> lines;
    private final Plan plan;
    private final Map<String, Object> smoke;

    private ComparisonSpec(String source, String text, JsonNode root, Map<String, Integer> lines, Plan plan) {
        this.source = source;
        this.text = text;
        this.root = root;
        this.lines = lines;
        this.plan = plan;
        this.smoke = smoke();
    }

    /** Where the spec came from: its file, or "spec NAME" for a bundled example. */
    public String source() {
        return source;
    }

    /** The YAML text as written. */
    public String text() {
        return text;
    }

    /** The plan with the spec's own values. */
    public Plan plan() {
        return plan;
    }

    /**
     * The settings the spec gives under {@code smoke}, for the test suite's short run (empty when it
     * gives none), each checked against {@link #settings()}.
     */
    public Map<String, Object> smokeSettings() {
        return smoke;
    }

    /** Reads and checks the {@code smoke} mapping. */
    private Map<String, Object> smoke() {
        Compiler c = new Compiler(source, root, lines, Map.of());
        Map<String, Object> given = c.scalars(root.get("smoke"), "smoke");
        if (c.problems.isEmpty()) {
            c.resolve(settings(), given, "smoke");
        }
        if (!c.problems.isEmpty()) {
            throw new UserError(String.join("\n", c.problems));
        }
        return java.util.Collections.unmodifiableMap(given);
    }

    /** The line of a key, e.g. "steps" or "learners[1].params.eta", or null. */
    public Integer line(String path) {
        return lines.get(path);
    }

    /**
     * Reads and checks a spec file.
     *
     * @param file the YAML file
     * @return the spec
     * @throws UserError listing every mistake, one per line
     */
    public static ComparisonSpec read(Path file) {
        String name = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        return parse(SpecYaml.read(file), file.toString(), name);
    }

    /**
     * Reads and checks a spec from text.
     *
     * @param text the YAML
     * @param source where it came from, for messages
     * @param defaultName the name when the spec gives none
     * @return the spec
     * @throws UserError listing every mistake, one per line
     */
    public static ComparisonSpec parse(String text, String source, String defaultName) {
        SpecYaml.Doc doc = SpecYaml.parse(text, source);
        JsonNode root = doc.root();
        Map<String, Integer> lines = doc.lines();
        if (root == null || !root.isObject()) {
            throw new UserError(source + ": a comparison spec must be a YAML mapping with keys " + String.join(", ", KEYS.keySet()) + ".");
        }
        if (!root.has("name")) {
            ((ObjectNode) root).put("name", defaultName);
        }
        Plan plan = new Compiler(source, root, lines, Map.of()).compile();
        return new ComparisonSpec(source, text, root, lines, plan);
    }

    /**
     * Whether a YAML document is a comparison spec (it has learners) rather than a spec of a
     * built-in experiment (it has experiment).
     *
     * @param file the YAML file
     * @return true for a comparison
     */
    public static boolean isComparison(Path file) {
        try {
            JsonNode n = SpecYaml.parse(SpecYaml.read(file), file.toString()).root();
            return n != null && n.isObject() && !n.has("experiment") && (n.has("learners") || n.has("task"));
        } catch (UserError e) {
            // reported when the file is read as a spec of an experiment
            return false;
        }
    }

    /**
     * A fresh plan with settings overridden (by --set or a sweep): "steps", "epochs", "eval_every",
     * "threads", "baselines", "task.KEY" or "LEARNER.KEY" for a learner's parameter.
     *
     * @param overrides setting to value
     * @return the checked plan
     * @throws UserError listing every mistake
     */
    public Plan plan(Map<String, Object> overrides) {
        // compiled afresh even without overrides: the task is made (and reads its data files) now, while
        // the run that asks for the plan logs the files it reads for its provenance
        ObjectNode copy = root.deepCopy();
        Map<String, String> moved = new HashMap<>();
        ObjectMapper m = new ObjectMapper();
        for (Map.Entry<String, Object> e : overrides.entrySet()) {
            String key = e.getKey();
            JsonNode value = m.valueToTree(e.getValue());
            int dot = key.indexOf('.');
            if (dot < 0) {
                copy.set(key, value);
                moved.put(key, key);
            } else if (key.startsWith("task.")) {
                copy.with("task").set(key.substring(5), value);
                moved.put(key, key);
            } else {
                String learner = key.substring(0, dot);
                String rest = key.substring(dot + 1);
                ArrayNode ls = (ArrayNode) copy.get("learners");
                for (int i = 0; i < ls.size(); i++) {
                    if (ls.get(i).path("name").asText().equals(learner)) {
                        String rule = ls.get(i).path("spiking").path("rule").asText("") + ".";
                        if (rule.length() > 1 && rest.startsWith(rule)) {
                            // a spiking learner's synapse parameter: LEARNER.RULE.KEY
                            ((ObjectNode) ls.get(i)).with("spiking").set(rest.substring(rule.length()), value);
                            moved.put("learners[" + i + "].spiking." + rest.substring(rule.length()), key);
                        } else {
                            ((ObjectNode) ls.get(i)).with("params").set(rest, value);
                            moved.put("learners[" + i + "].params." + rest, key);
                        }
                    }
                }
            }
        }
        Compiler c = new Compiler(source, copy, lines, moved);
        return c.compile();
    }

    /**
     * The settings of this comparison that --set and sweeps may change, each with the spec's value
     * as default: the length, eval_every, threads, baselines (on or off), the task's parameters ("task.KEY") and every
     * learner's parameters ("LEARNER.KEY"; for a spiking learner also its synapses' as "LEARNER.RULE.KEY").
     *
     * @return the settings
     */
    public List<ParamSpec> settings() {
        List<ParamSpec> out = new ArrayList<>();
        if (plan.inEpochs()) {
            out.add(ParamSpec.integer("epochs", (int) plan.length(), 1, Integer.MAX_VALUE, "passes over the training set"));
        } else {
            out.add(ParamSpec.integer("steps", (int) plan.length(), 1, Integer.MAX_VALUE, "presentations per learner"));
        }
        out.add(ParamSpec.integer("eval_every", (int) plan.evalEvery(), 1, Integer.MAX_VALUE,
                "presentations between checkpoints (a multiple of batch)"));
        out.add(ParamSpec.integer("threads", plan.threads(), 0, 256, "seeds run in parallel; 0 = one per core"));
        out.add(ParamSpec.flag("baselines", !plan.baselines().isEmpty(),
                "fit Tribuo's linear classifiers on the training samples and draw them on the accuracy panel"));
        out.addAll(renamed("task.", plan.taskFactory().parameters(), plan.taskParams()));
        for (Plan.LearnerPlan l : plan.learners()) {
            out.addAll(renamed(l.name() + ".", l.specs(), l.params()));
            if (l.spiking()) {
                out.addAll(renamed(l.name() + "." + l.synapses().rule().name() + ".", SpikingNetwork.synapseParameters(l.synapses().rule()),
                        l.synapses().params()));
            }
        }
        return out;
    }

    private static List<ParamSpec> renamed(String prefix, List<ParamSpec> specs, Params values) {
        List<ParamSpec> out = new ArrayList<>();
        for (ParamSpec p : specs) {
            out.add(new ParamSpec(prefix + p.name(), values.asMap().get(p.name()), p.min(), p.minExclusive(), p.max(), p.choices(),
                    p.unit(), p.description()));
        }
        return out;
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }

    /** Turns a tree into a plan, collecting every problem. */
    private static final class Compiler {
        private final String source;
        private final JsonNode root;
        private final Map<String, Integer> lines;
        private final Map<String, String> overridden;
        private final List<String> problems = new ArrayList<>();

        Compiler(String source, JsonNode root, Map<String, Integer> lines, Map<String, String> overridden) {
            this.source = source;
            this.root = root;
            this.lines = lines;
            this.overridden = overridden;
        }

        /** "file:line" of a key, or of its nearest ancestor with a line; "setting KEY" when overridden. */
        String at(String path) {
            if (overridden.containsKey(path)) {
                return "setting " + overridden.get(path);
            }
            for (String p = path; !p.isEmpty(); p = parent(p)) {
                Integer l = lines.get(p);
                if (l != null) {
                    return source + ":" + l;
                }
            }
            return source;
        }

        private static String parent(String p) {
            int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
            return cut < 0 ? "" : p.substring(0, cut);
        }

        void problem(String path, String message) {
            problems.add(at(path) + ": " + message);
        }

        void keys(JsonNode node, String path, java.util.Collection<String> valid) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String k = it.next();
                if (!valid.contains(k)) {
                    String full = path.isEmpty() ? k : path + "." + k;
                    problem(full, "unknown key '" + full + "'; valid keys " + (path.isEmpty() ? "" : "under '" + path + "' ")
                            + "are: " + String.join(", ", valid) + ".");
                }
            }
        }

        Long integer(JsonNode node, String path, long min, long max) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (node.isTextual()) {
                try {
                    node = new ObjectMapper().getNodeFactory().numberNode(Long.parseLong(node.asText().trim()));
                } catch (NumberFormatException e) {
                    // reported below
                }
            }
            if (!node.isIntegralNumber() || node.asLong() < min || node.asLong() > max) {
                problem(path, "invalid value '" + node.asText() + "' for '" + path + "'; valid is an integer in [" + min + ", "
                        + (max == Integer.MAX_VALUE ? "2147483647" : max) + "].");
                return null;
            }
            return node.asLong();
        }

        Double real(JsonNode node, String path, double min, boolean minExclusive, double max) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            double v = node.isNumber() ? node.asDouble() : Double.NaN;
            if (node.isTextual()) {
                try {
                    v = Double.parseDouble(node.asText().trim());
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
            }
            if (Double.isNaN(v) || (minExclusive ? v <= min : v < min) || v > max) {
                problem(path, "invalid value '" + node.asText() + "' for '" + path + "'; valid is a number in " + (minExclusive ? "(" : "[")
                        + min + ", " + (max == Double.MAX_VALUE ? "inf" : String.valueOf(max)) + "].");
                return null;
            }
            return v;
        }

        Boolean flag(JsonNode node, String path) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isBoolean()) {
                problem(path, "invalid value '" + node.asText() + "' for '" + path + "'; valid is true or false.");
                return null;
            }
            return node.booleanValue();
        }

        String text(JsonNode node, String path) {
            if (node == null || node.isMissingNode() || node.isNull()) {
                return null;
            }
            if (!node.isValueNode()) {
                problem(path, "'" + path + "' must be a single value, not a list or mapping.");
                return null;
            }
            return node.asText();
        }

        String choice(JsonNode node, String path, List<String> valid) {
            String v = text(node, path);
            if (v != null && !valid.contains(v)) {
                problem(path, "invalid value '" + v + "' for '" + path + "'; valid is one of " + String.join(", ", valid) + ".");
                return null;
            }
            return v;
        }

        <T extends Registered> T registered(Class<T> kind, JsonNode node, String path, String what) {
            String v = text(node, path);
            if (v == null) {
                return null;
            }
            for (T t : Registry.all(kind)) {
                if (t.name().equals(v)) {
                    return t;
                }
            }
            problem(path, "unknown " + what + " '" + v + "'; valid " + what + "s are: " + Registry.names(kind) + ".");
            return null;
        }

        /** The scalar entries of a mapping, as given. */
        Map<String, Object> scalars(JsonNode node, String path) {
            Map<String, Object> out = new LinkedHashMap<>();
            if (node == null || node.isNull() || node.isMissingNode()) {
                return out;
            }
            if (!node.isObject()) {
                problem(path, "'" + path + "' must be a mapping of parameter names to values.");
                return out;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isContainerNode()) {
                    problem(path + "." + e.getKey(), "parameter '" + e.getKey() + "' must be a single value, not a list or mapping.");
                } else {
                    out.put(e.getKey(), e.getValue().asText());
                }
            }
            return out;
        }

        Params resolve(List<ParamSpec> specs, Map<String, Object> given, String path) {
            try {
                return Params.resolve(specs, given, k -> at(path + "." + k));
            } catch (UserError e) {
                problems.addAll(e.getMessage().lines().toList());
                return null;
            }
        }

        Plan compile() {
            keys(root, "", KEYS.keySet());
            String name = text(root.get("name"), "name");
            if (name != null && !name.matches("[a-z0-9][a-z0-9-]*")) {
                problem("name", "invalid name '" + name + "'; valid is lower case letters, digits and '-', such as digits-features.");
            } else if (name != null && Registry.all(Experiment.class).stream().anyMatch(e -> e.name().equals(name))) {
                problem("name", "name '" + name + "' is a built-in experiment; choose another name.");
            }
            String description = root.has("description") ? text(root.get("description"), "description") : null;

            // the task
            TaskFactory taskFactory = null;
            Params taskParams = null;
            Task task = null;
            JsonNode t = root.get("task");
            if (t != null && t.isTextual()) {
                // "task: digits" is short for "task: {name: digits}"
                t = new ObjectMapper().createObjectNode().set("name", t);
            }
            if (t == null || !t.isObject()) {
                problem("task", (t == null ? "missing key 'task'" : "'task' must be a mapping") + "; give task: {name: NAME, ...} "
                        + "with one of: " + Registry.names(TaskFactory.class) + ".");
            } else {
                taskFactory = registered(TaskFactory.class, t.get("name"), "task.name", "task");
                if (!t.has("name")) {
                    problem("task", "missing key 'task.name'; valid tasks are: " + Registry.names(TaskFactory.class) + ".");
                }
                Map<String, Object> given = scalars(t, "task");
                given.remove("name");
                if (taskFactory != null) {
                    taskParams = resolve(taskFactory.parameters(), given, "task");
                }
                if (taskParams != null) {
                    try {
                        task = taskFactory.create(taskParams);
                    } catch (UserError e) {
                        problem("task", e.getMessage());
                    }
                }
            }
            int outputs = task == null || task.heldOut().targets() == null ? 0 : task.heldOut().targets()[0].length;
            boolean targets = outputs > 0;

            // length and batch
            Long batchL = integer(root.get("batch"), "batch", 1, 100_000);
            int batch = batchL == null ? 1 : batchL.intValue();
            Long steps = integer(root.get("steps"), "steps", 1, MAX_STEPS);
            Long epochs = integer(root.get("epochs"), "epochs", 1, 1_000_000);
            boolean inEpochs = root.has("epochs") && !root.has("steps");
            if (root.has("steps") && root.has("epochs")) {
                problem("epochs", "give either 'steps' or 'epochs', not both.");
            } else if (!root.has("steps") && !root.has("epochs")) {
                problem("", "missing key 'steps' (presentations) or 'epochs' (passes over the training set).");
            }
            long epochSize = task == null ? 0 : task.epochSize();
            if (inEpochs && task != null && epochSize == 0) {
                problem("epochs", "task '" + task.name() + "' draws fresh samples for ever, so it has no epochs; give 'steps'.");
            }
            long length = inEpochs ? (epochs == null ? 1 : epochs) : (steps == null ? 1000 : steps);
            long total = inEpochs ? length * Math.max(1, epochSize) : length;
            Long evalL = integer(root.get("eval_every"), "eval_every", 1, MAX_STEPS);
            long eval = evalL != null ? evalL : Math.max(batch, (total / 20) / batch * batch);
            multiple(eval, batch, "eval_every");
            Long seeds = integer(root.get("seeds"), "seeds", 1, org.neuroai.core.RunSpec.MAX_SEEDS);
            Long first = integer(root.get("first_seed"), "first_seed", 0, Integer.MAX_VALUE);
            Boolean quick = flag(root.get("quick"), "quick");
            Long quickL = integer(root.get("quick_length"), "quick_length", 1, MAX_STEPS);
            long quickLength = quickL != null ? quickL : Math.max(1, length / 10);
            Long weightSeed = integer(root.get("weight_seed"), "weight_seed", 0, Long.MAX_VALUE);
            Long threads = integer(root.get("threads"), "threads", 0, 256);

            // the learners
            List<Plan.LearnerPlan> learners = new ArrayList<>();
            List<String> learnerPaths = new ArrayList<>();
            JsonNode ls = root.get("learners");
            if (ls == null || !ls.isArray() || ls.isEmpty()) {
                problem("learners", (ls == null ? "missing key 'learners'" : "'learners' must be a non-empty list")
                        + "; give a list of mappings such as {name: oja, rule: oja} or {name: mlp, network: mlp}.");
            } else {
                Map<String, String> seen = new HashMap<>();
                for (int i = 0; i < ls.size(); i++) {
                    Plan.LearnerPlan l = learner(ls.get(i), "learners[" + i + "]", task, outputs, batch, seen);
                    if (l != null) {
                        learners.add(l);
                        learnerPaths.add("learners[" + i + "]");
                    }
                }
            }
            // what the learners will take, estimated and checked before any of them is built (a network too large for
            // ND4J's native memory crashes the JVM); seeds run side by side each hold their own learners
            int parallel = (int) Math.max(1, Math.min(seeds == null ? 1 : seeds,
                    threads == null || threads == 0 ? Runtime.getRuntime().availableProcessors() : threads));
            Footprint footprint = new Footprint();
            boolean fits = true;
            if (task != null) {
                List<Integer> sized = new ArrayList<>();
                for (int i = 0; i < learners.size(); i++) {
                    try {
                        learners.get(i).footprint(footprint, task.inputDim(), learnerPaths.get(i), parallel);
                        sized.add(i);
                    } catch (UserError e) {
                        problem(learnerPaths.get(i), "learner '" + learners.get(i).name() + "': " + e.getMessage());
                    }
                }
                List<String> over = footprint.problems(this::at);
                problems.addAll(over);
                fits = over.isEmpty();
                if (fits) {
                    for (int i : sized) {
                        learners.set(i, trial(learners.get(i), task, learnerPaths.get(i)));
                    }
                }
            }

            // what to record and draw
            JsonNode rec = root.get("record");
            if (rec != null && !rec.isObject()) {
                problem("record", "'record' must be a mapping with keys metrics, weights, histograms, probes.");
                rec = null;
            }
            if (rec != null) {
                keys(rec, "record", List.of("metrics", "weights", "histograms", "probes"));
            }
            List<String> metrics = list(rec == null ? null : rec.get("metrics"), "record.metrics", METRICS);
            boolean spikes = task != null && task.spiking();
            if (metrics == null) {
                metrics = spikes ? List.of(FiringRates.OUTPUT) : targets ? List.of("accuracy") : List.of("reconstruction_mse");
            }
            for (String m : metrics) {
                if (task != null && spikes != SPIKE_METRICS.contains(m)) {
                    problem("record.metrics", spikes ? "metric '" + m + "' scores samples of rates, and task '" + task.name()
                            + "' hands out spikes; valid here are " + String.join(", ", SPIKE_METRICS) + "."
                            : "metric '" + m + "' counts the spikes of spiking learners, and task '" + task.name()
                            + "' hands out rates; use a task of spikes (poisson, regular, spike-times) or another metric.");
                    continue;
                }
                if (List.of("accuracy", "mse", "ece", "predictive_nll").contains(m) && task != null && !targets) {
                    problem("record.metrics", "metric '" + m + "' needs a task with targets, and task '" + task.name()
                            + "' gives none; valid here are reconstruction_mse" + (task instanceof PrincipalSubspace ? ", principal_angle_deg" : "") + ".");
                }
                if (m.equals("principal_angle_deg") && task != null && !(task instanceof PrincipalSubspace)) {
                    problem("record.metrics", "metric 'principal_angle_deg' needs a task with a known principal subspace "
                            + "(gaussian, digits); task '" + task.name() + "' has none.");
                }
            }
            JsonNode w = mapping(rec == null ? null : rec.get("weights"), "record.weights", List.of("every", "max_synapses"));
            Long wEvery = integer(w.get("every"), "record.weights.every", 1, MAX_STEPS);
            Long maxSyn = integer(w.get("max_synapses"), "record.weights.max_synapses", 1, 100_000);
            JsonNode h = mapping(rec == null ? null : rec.get("histograms"), "record.histograms", List.of("every", "bins", "range"));
            Long hEvery = integer(h.get("every"), "record.histograms.every", 1, MAX_STEPS);
            Long bins = integer(h.get("bins"), "record.histograms.bins", 2, 1000);
            double[] range = {-1, 1};
            if (h.has("range")) {
                JsonNode r = h.get("range");
                if (!r.isArray() || r.size() != 2 || !r.get(0).isNumber() || !r.get(1).isNumber() || r.get(0).asDouble() >= r.get(1).asDouble()) {
                    problem("record.histograms.range", "invalid value '" + r + "' for 'record.histograms.range'; valid is a list of two "
                            + "numbers [low, high] with low < high, such as [-1, 1].");
                } else {
                    range = new double[] {r.get(0).asDouble(), r.get(1).asDouble()};
                }
            }
            JsonNode pr = mapping(rec == null ? null : rec.get("probes"), "record.probes", List.of("names", "every", "max_indices"));
            Long pEvery = integer(pr.get("every"), "record.probes.every", 1, MAX_STEPS);
            Long pIndices = integer(pr.get("max_indices"), "record.probes.max_indices", 1, 100_000);
            List<String> probes = probes(pr.get("names"), learners);
            long probesEvery = pEvery != null ? pEvery : eval;
            if (pEvery != null) {
                multiple(probesEvery, batch, "record.probes.every");
            }
            long weightsEvery = wEvery != null ? wEvery : eval;
            long histEvery = hEvery != null ? hEvery : eval;
            // strides left out follow eval_every, whose own mistake is reported once, above
            if (wEvery != null) {
                multiple(weightsEvery, batch, "record.weights.every");
            }
            if (hEvery != null) {
                multiple(histEvery, batch, "record.histograms.every");
            }
            int side = task == null ? 0 : (int) Math.round(Math.sqrt(task.inputDim()));
            boolean image = task != null && !task.spiking() && side * side == task.inputDim() && side >= 4;
            List<String> figures = figures(root.get("figures"), image, !probes.isEmpty(), task);
            List<String> baselines = baselines(root.get("baselines"), task, metrics);
            if (fits && task != null && !learners.isEmpty()) {
                // the traces stream to disk, and are read back whole for the statistics and each figure
                long n = seeds == null ? 1 : seeds;
                long run = quick != null && quick ? (inEpochs ? quickLength * Math.max(1, epochSize) : quickLength) : total;
                double per = (double) n * learners.size();
                String lengthKey = inEpochs ? "epochs" : "steps";
                String shape = "'" + lengthKey + "' = " + (quick != null && quick ? quickLength + " (quick)" : length) + ", "
                        + learners.size() + " learner" + (learners.size() == 1 ? "" : "s") + ", " + n + " seed" + (n == 1 ? "" : "s");
                List<Footprint.Need> traces = new ArrayList<>();
                String evalKey = evalL != null ? "eval_every" : lengthKey;
                traces.add(rows("curves.csv", evalKey, "'eval_every' = " + eval + ", " + shape,
                        (run / eval + 1.0) * (metrics.size() + 3) * per));
                traces.add(rows("weights.csv", wEvery != null ? "record.weights.every" : evalKey, "'record.weights.every' = "
                        + weightsEvery + ", 'max_synapses' = " + (maxSyn == null ? 100 : maxSyn) + ", " + shape,
                        (run / weightsEvery + 1.0) * (maxSyn == null ? 100 : maxSyn) * per));
                traces.add(rows("histograms.csv", hEvery != null ? "record.histograms.every" : evalKey, "'record.histograms.every' = "
                        + histEvery + ", 'bins' = " + (bins == null ? 40 : bins) + ", " + shape,
                        (run / histEvery + 1.0) * (bins == null ? 40 : bins) * per));
                if (!probes.isEmpty()) {
                    traces.add(rows("probes.csv", pEvery != null ? "record.probes.every" : evalKey, "'record.probes.every' = "
                            + probesEvery + ", 'max_indices' = " + (pIndices == null ? 20 : pIndices) + ", " + shape,
                            (run / probesEvery + 1.0) * (pIndices == null ? 20 : pIndices) * probes.size() * per));
                }
                // the files are read one at a time: the largest counts
                Footprint.Need most = traces.stream().max(java.util.Comparator.comparingDouble(Footprint.Need::bytes)).orElseThrow();
                footprint.need(most.key(), most.what(), most.bytes(), most.pool());
                problems.addAll(footprint.problems(this::at));
            }
            if (!problems.isEmpty()) {
                throw new UserError(String.join("\n", problems));
            }
            return new Plan(name, description == null ? "" : description, taskFactory, taskParams, task, List.copyOf(learners),
                    length, inEpochs, epochSize, total, batch, eval, seeds == null ? 1 : seeds.intValue(), first == null ? 0 : first,
                    quick != null && quick, quickLength, weightSeed, threads == null ? 0 : threads.intValue(), List.copyOf(metrics),
                    weightsEvery, maxSyn == null ? 100 : maxSyn.intValue(), histEvery, bins == null ? 40 : bins.intValue(), range[0], range[1],
                    List.copyOf(figures), image ? side : 0, baselines, probes, probesEvery, pIndices == null ? 20 : pIndices.intValue());
        }

        /** Bytes of one trace row read back into memory (its strings, numbers and the list holding it). */
        private static final double ROW_BYTES = 160;

        /** The rows of one trace file that will be read back into memory, as a need of the heap. */
        private static Footprint.Need rows(String file, String key, String shape, double rows) {
            return new Footprint.Need(key, String.format(java.util.Locale.ROOT, "%.3g", rows) + " rows of " + file + " (" + shape
                    + ") read back for the statistics and figures", rows * ROW_BYTES, Footprint.Pool.HEAP);
        }

        /**
         * The probes asked for: every name must be offered by some learner (as built once for the
         * check); none when the key is left out.
         */
        private List<String> probes(JsonNode node, List<Plan.LearnerPlan> learners) {
            if (node == null || node.isNull()) {
                return List.of();
            }
            java.util.Set<String> offered = new java.util.TreeSet<>();
            for (Plan.LearnerPlan l : learners) {
                offered.addAll(l.probes());
            }
            List<String> names = list(node, "record.probes.names", List.copyOf(offered));
            return names == null ? List.of() : List.copyOf(names);
        }

        /**
         * The figures asked for, registered ones that read only what a comparison writes; by default
         * {@link #FIGURES} that apply (receptive fields on image tasks, probes when recorded).
         */
        private List<String> figures(JsonNode node, boolean image, boolean probes, Task task) {
            List<String> writes = new ArrayList<>(List.of(LearnersFile.NAME, Traces.CURVES, Traces.WEIGHTS, Traces.HISTOGRAMS,
                    TribuoBaselines.FILE));
            if (image) {
                writes.add(Fields.NAME);
            }
            if (probes) {
                writes.add(Traces.PROBES);
            }
            if (node == null || node.isNull()) {
                return FIGURES.stream().filter(f -> writes.containsAll(Figures.get(f).reads())
                        && !(f.equals("probes") && !probes)).toList();
            }
            List<String> named = list(node, "figures", Figures.all().stream().map(Figure::name).toList());
            if (named == null) {
                return List.of();
            }
            for (int i = 0; i < named.size(); i++) {
                Figure f = Figures.get(named.get(i));
                List<String> lacking = f.reads().stream().filter(r -> !writes.contains(r)).toList();
                if (!lacking.isEmpty() && task != null) {
                    String why = lacking.contains(Fields.NAME) ? "; receptive fields need a task whose inputs are square images "
                            + "(digits), and task '" + task.name() + "' has " + task.inputDim() + " inputs"
                            : lacking.contains(Traces.PROBES) ? "; record some probes (record.probes.names) to draw them" : "";
                    problem("figures", "figure '" + f.name() + "' reads " + String.join(", ", lacking) + ", which this comparison "
                            + "does not write" + why + ".");
                }
            }
            return named;
        }

        /**
         * The Tribuo baselines asked for: all of them by default on a task with class targets whose
         * accuracy is recorded, none otherwise; an explicit request needs both.
         */
        private List<String> baselines(JsonNode node, Task task, List<String> metrics) {
            boolean classes = task != null && TaskBaselines.classTargets(task);
            if (node == null || node.isNull()) {
                return classes && metrics.contains("accuracy") ? TribuoBaselines.MODELS : List.of();
            }
            List<String> asked;
            if (node.isBoolean()) {
                asked = node.booleanValue() ? TribuoBaselines.MODELS : List.of();
            } else if (node.isArray()) {
                asked = list(node, "baselines", TribuoBaselines.MODELS);
            } else {
                problem("baselines", "invalid value '" + node.asText() + "' for 'baselines'; valid is true, false or a list of "
                        + String.join(", ", TribuoBaselines.MODELS) + ".");
                return List.of();
            }
            if (asked.isEmpty() || task == null) {
                return List.copyOf(asked);
            }
            if (!classes) {
                problem("baselines", "Tribuo's baselines are classifiers and need a task with class targets (digits, mnist, iris, wine, "
                        + "breast-cancer, xor), and task '" + task.name() + "' has " + (task.heldOut().targets() == null ? "no targets"
                        : "targets that are not classes") + "; leave 'baselines' out or write baselines: false.");
            } else if (!metrics.contains("accuracy")) {
                problem("baselines", "the baselines are drawn on the accuracy panel, and this spec does not record accuracy; "
                        + "add accuracy to record.metrics or write baselines: false.");
            }
            return List.copyOf(asked);
        }

        private void multiple(long value, int batch, String path) {
            if (value % batch != 0) {
                problem(path, "'" + path + "' is " + value + ", not a multiple of batch (" + batch + "); checkpoints fall between "
                        + "steps, so give a multiple such as " + Math.max(batch, value / batch * batch) + ".");
            }
        }

        private JsonNode mapping(JsonNode node, String path, List<String> valid) {
            if (node == null || node.isNull()) {
                return new ObjectMapper().createObjectNode();
            }
            if (!node.isObject()) {
                problem(path, "'" + path + "' must be a mapping with keys " + String.join(", ", valid) + ".");
                return new ObjectMapper().createObjectNode();
            }
            keys(node, path, valid);
            return node;
        }

        private List<String> list(JsonNode node, String path, List<String> valid) {
            if (node == null || node.isNull()) {
                return null;
            }
            if (!node.isArray()) {
                problem(path, "'" + path + "' must be a list of names from: " + String.join(", ", valid) + ".");
                return null;
            }
            List<String> out = new ArrayList<>();
            for (int i = 0; i < node.size(); i++) {
                String v = choice(node.get(i), path + "[" + i + "]", valid);
                if (v != null && !out.contains(v)) {
                    out.add(v);
                }
            }
            return out;
        }

        private Plan.LearnerPlan learner(JsonNode n, String path, Task task, int outputs, int batch, Map<String, String> seen) {
            if (!n.isObject()) {
                problem(path, "each learner must be a mapping such as {name: oja, rule: oja}.");
                return null;
            }
            keys(n, path, LEARNER_KEYS.keySet());
            String name = text(n.get("name"), path + ".name");
            if (name == null && !n.has("name")) {
                problem(path, "a learner needs a 'name'.");
            } else if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9_-]*")) {
                problem(path + ".name", "invalid learner name '" + name + "'; valid is letters, digits, '-' and '_'.");
                name = null;
            } else if (name != null && seen.containsKey(name)) {
                problem(path + ".name", "duplicate learner name '" + name + "' (first at " + seen.get(name) + "); every learner needs its own name.");
                name = null;
            } else if (name != null) {
                seen.put(name, at(path + ".name"));
            }
            boolean isRule = n.has("rule");
            int kinds = (isRule ? 1 : 0) + (n.has("network") ? 1 : 0) + (n.has("bayes") ? 1 : 0) + (n.has("spiking") ? 1 : 0);
            if (kinds != 1) {
                problem(path, "learner " + (name == null ? "" : "'" + name + "' ") + "needs exactly one of 'rule' (a plasticity rule: "
                        + Registry.names(PlasticityRule.class) + "), 'network' (" + Registry.names(NetworkFactory.class)
                        + "), 'bayes' (a Bayesian model: " + Registry.names(BayesianModel.class)
                        + ") or 'spiking' (a network of spiking neurons whose synapses learn by a spike rule: "
                        + Registry.names(SpikeRule.class) + ").");
                return null;
            }
            Map<String, Object> given = scalars(n.get("params"), path + ".params");
            // how the learner is shown is checked whatever else is wrong with it, so that every mistake is reported at once
            label(n, path);
            colour(n, path);
            if (task != null && task.spiking() != n.has("spiking")) {
                problem(path, task.spiking()
                        ? "learner " + (name == null ? "" : "'" + name + "' ") + "learns from rows of rates, and task '" + task.name()
                                + "' hands out spikes; give it 'spiking: {rule: ...}' (a spike rule: " + Registry.names(SpikeRule.class)
                                + ") or use a task of rates."
                        : "learner " + (name == null ? "" : "'" + name + "' ") + "is a network of spiking neurons, and task '"
                                + task.name() + "' hands out rows of rates; use a task of spikes (poisson, regular, spike-times).");
                return null;
            }
            if (n.has("spiking")) {
                return spikingLearner(n, path, name, given, task);
            }
            if (isRule) {
                return ruleLearner(n, path, name, given, task, outputs);
            }
            boolean bayes = n.has("bayes");
            for (String k : List.of("units", "activation", "bias", "tau", "init_norm")) {
                if (n.has(k)) {
                    problem(path + "." + k, "'" + k + "' belongs to rule learners; a " + (bayes ? "Bayesian model" : "network")
                            + " takes its shape from 'params' (see neuroai list --json).");
                }
            }
            LearnerFactory f = bayes ? registered(BayesianModel.class, n.get("bayes"), path + ".bayes", "Bayesian model")
                    : registered(NetworkFactory.class, n.get("network"), path + ".network", "network");
            String readout = choice(n.get("readout"), path + ".readout", List.of("none"));
            if (f == null) {
                return null;
            }
            if (bayes && task != null && outputs == 0) {
                problem(path + ".bayes", "Bayesian model '" + f.name() + "' learns targets, and task '" + task.name()
                        + "' gives none; use a task with targets (iris, wine, breast-cancer, digits, mnist, xor).");
                return null;
            }
            List<String> declared = f.parameters().stream().map(ParamSpec::name).toList();
            if (declared.contains("batch") && !given.containsKey("batch")) {
                given.put("batch", batch);
            }
            if (declared.contains("outputs") && !given.containsKey("outputs") && outputs > 0) {
                given.put("outputs", outputs);
            }
            if (declared.contains("outputs") && task != null && outputs == 0) {
                problem(path + ".network", "network '" + f.name() + "' learns targets, and task '" + task.name()
                        + "' gives none; use a task with targets, or a network that needs none (autoencoder, linear-autoencoder).");
            }
            Params p = resolve(f.parameters(), given, path + ".params");
            if (p == null || name == null || task == null) {
                return null;
            }
            Plan.LearnerPlan l = new Plan.LearnerPlan(name, null, f, p, 0, null, false, 0, 0, false, shown(n, "label"),
                    shown(n, "colour"), bayes ? Family.BAYESIAN : Family.GRADIENT);
            return l;
        }

        /**
         * A spiking learner: {@code spiking} names the spike rule, its preset and parameters;
         * {@code params} are the network's. The parameters the network sets itself
         * ({@link SpikingNetwork#OWNED}) are refused in {@code spiking}.
         */
        private Plan.LearnerPlan spikingLearner(JsonNode n, String path, String name, Map<String, Object> given, Task task) {
            for (String k : List.of("units", "activation", "bias", "tau", "init_norm", "readout")) {
                if (n.has(k)) {
                    problem(path + "." + k, "'" + k + "' belongs to rule learners; a spiking learner takes its shape from 'params' "
                            + "(neurons, g_max, w_max and the neurons' own).");
                }
            }
            String where = path + ".spiking";
            JsonNode sp = n.get("spiking");
            if (!sp.isObject()) {
                problem(where, "'spiking' must be a mapping such as {rule: stdp-pair, preset: brian2-song-2000}.");
                return null;
            }
            if (!sp.has("rule")) {
                problem(where, "missing key 'rule' under 'spiking'; valid spike rules are: " + Registry.names(SpikeRule.class) + ".");
            }
            SpikeRule rule = registered(SpikeRule.class, sp.get("rule"), where + ".rule", "spike rule");
            String preset = text(sp.get("preset"), where + ".preset");
            Params net = resolve(SpikingNetwork.parameters(), given, path + ".params");
            if (rule == null) {
                return null;
            }
            String chosen = preset == null ? rule.defaultPreset() : preset;
            Map<String, Object> merged = new LinkedHashMap<>();
            if (!chosen.isEmpty() && !rule.presets().containsKey(chosen)) {
                problem(where + ".preset", "unknown preset '" + chosen + "' for rule '" + rule.name() + "'; valid presets are: "
                        + (rule.presets().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(rule.presets().keySet()))) + ".");
            } else if (!chosen.isEmpty()) {
                merged.putAll(rule.presets().get(chosen));
            }
            Map<String, Object> overrides = scalars(sp, where);
            overrides.remove("rule");
            overrides.remove("preset");
            for (String k : SpikingNetwork.OWNED) {
                if (overrides.containsKey(k) && rule.parameters().stream().anyMatch(p -> p.name().equals(k))) {
                    overrides.remove(k);
                    problem(where + "." + k, "'" + k + "' of rule '" + rule.name() + "' is set by the network for every synapse: "
                            + "w_max is params.w_max, w0 is drawn uniformly from [0, params.w_max], seed comes from the run's seed.");
                }
            }
            merged.putAll(overrides);
            Params synapse = resolve(rule.parameters(), merged, where);
            if (net == null || synapse == null || name == null || task == null) {
                return null;
            }
            return Plan.LearnerPlan.spikingNetwork(name, net, new Plan.Synapses(rule, chosen, synapse), shown(n, "label"),
                    shown(n, "colour"));
        }

        private Plan.LearnerPlan ruleLearner(JsonNode n, String path, String name, Map<String, Object> given, Task task, int outputs) {
            PlasticityRule rule = registered(PlasticityRule.class, n.get("rule"), path + ".rule", "rule");
            Long units = integer(n.get("units"), path + ".units", 1, 100_000);
            List<String> acts = java.util.Arrays.stream(Activation.values()).map(Activation::key).toList();
            String act = choice(n.get("activation"), path + ".activation", acts);
            Boolean bias = flag(n.get("bias"), path + ".bias");
            Double tau = real(n.get("tau"), path + ".tau", 0, false, 1e12);
            Double init = real(n.get("init_norm"), path + ".init_norm", 0, true, 1e6);
            String readout = choice(n.get("readout"), path + ".readout", List.of("ridge", "none"));
            if (rule == null) {
                return null;
            }
            Params p = resolve(rule.parameters(), given, path + ".params");
            boolean targets = outputs > 0;
            if (task != null && rule.supervised() && !targets) {
                problem(path + ".rule", "rule '" + rule.name() + "' is supervised and needs targets, and task '" + task.name()
                        + "' gives none; use a task with targets (digits, mnist, iris, wine, breast-cancer, xor) or an unsupervised rule.");
            }
            if (rule.supervised() && units != null && targets && units != outputs) {
                problem(path + ".units", "rule '" + rule.name() + "' is supervised, so its layer has one unit per target: "
                        + outputs + " for task '" + task.name() + "', not " + units + "; leave 'units' out.");
            }
            if ("ridge".equals(readout) && task != null && !targets) {
                problem(path + ".readout", "readout 'ridge' needs a task with targets, and task '" + task.name() + "' gives none; "
                        + "use readout: none.");
            }
            if (p == null || name == null || task == null) {
                return null;
            }
            int u = units != null ? units.intValue() : rule.supervised() && targets ? outputs : 1;
            boolean ridge = readout != null ? readout.equals("ridge") : !rule.supervised() && targets;
            Plan.LearnerPlan l = new Plan.LearnerPlan(name, rule, null, p, u, act == null ? Activation.LINEAR : Activation.of(act),
                    bias != null && bias, tau == null ? 0 : tau, init == null ? 1 : init, ridge, shown(n, "label"), shown(n, "colour"),
                    Family.BIO);
            return l;
        }

        /**
         * Builds the learner once, so that what only its constructor can check is reported now, and
         * notes its family and the probes it offers.
         */
        private Plan.LearnerPlan trial(Plan.LearnerPlan l, Task task, String path) {
            try {
                Learner built = l.build(task.inputDim(), 0);
                List<String> offered = built instanceof Probeable pr ? List.copyOf(pr.probes().keySet()) : List.of();
                return l.withFamily(built.family()).withProbes(offered);
            } catch (UserError e) {
                problem(path, "learner '" + l.name() + "': " + e.getMessage());
                return l;
            }
        }

        /** A learner's label or colour key once checked ({@link #label}, {@link #colour}): its text, or "" when left out or invalid. */
        private static String shown(JsonNode n, String key) {
            JsonNode v = n.get(key);
            if (v == null || !v.isValueNode() || v.isNull()) {
                return "";
            }
            return key.equals("colour") && !v.asText().matches("#[0-9A-Fa-f]{6}") ? "" : v.asText();
        }

        private String label(JsonNode n, String path) {
            String v = text(n.get("label"), path + ".label");
            return v == null ? "" : v;
        }

        private String colour(JsonNode n, String path) {
            String v = text(n.get("colour"), path + ".colour");
            if (v != null && !v.matches("#[0-9A-Fa-f]{6}")) {
                problem(path + ".colour", "invalid value '" + v + "' for 'colour'; valid is a hex colour such as '#0072B2' (quoted in "
                        + "YAML, since # starts a comment).");
                return "";
            }
            return v == null ? "" : v;
        }
    }
}
