package org.neuroai.compare.validate;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import org.neuroai.bio.Plasticity;
import org.neuroai.bio.PlasticityRule;
import org.neuroai.bio.spiking.SpikeRule;
import org.neuroai.bio.spiking.SpikeSynapse;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/** Deliberately wrong models, made from the real ones, that {@code validate} must catch. */
final class Mutants {
    private Mutants() {}

    /** A spike rule whose every parameter set is changed by {@code change} (a parameter off, two swapped). */
    static SpikeRule params(SpikeRule base, Consumer<Map<String, Object>> change) {
        return new Wrapped(base) {
            @Override
            public Params params(String preset, Map<String, ?> overrides, String where) {
                Map<String, Object> values = new LinkedHashMap<>(base.params(preset, overrides, where).asMap());
                change.accept(values);
                return base.params(preset, values, where);
            }
        };
    }

    /** A spike rule whose synapses are wrapped, to change what an event does. */
    static SpikeRule synapse(SpikeRule base, UnaryOperator<SpikeSynapse> wrap) {
        return new Wrapped(base) {
            @Override
            public SpikeSynapse create(Params p) {
                return wrap.apply(base.create(p));
            }
        };
    }

    /** A spike rule whose synapses are written in the test from the parameters. */
    static SpikeRule create(SpikeRule base, java.util.function.Function<Params, SpikeSynapse> make) {
        return new Wrapped(base) {
            @Override
            public SpikeSynapse create(Params p) {
                return make.apply(p);
            }
        };
    }

    /**
     * Tsodyks-Markram with the order of facilitation and release reversed: a spike releases u·x with
     * the u it finds, and only then is u raised by U(1 − u).
     */
    static final class ReleaseBeforeFacilitation implements SpikeSynapse {
        private final double bigU;
        private final double tauRec;
        private final double tauF;
        private double u;
        private double x;
        private double last;

        ReleaseBeforeFacilitation(Params p) {
            bigU = p.real("U");
            tauRec = p.real("tau_rec_ms");
            tauF = p.real("tau_facilitation_ms");
            reset();
        }

        @Override
        public double pre(double tMs) {
            double gap = tMs - last;
            u = tauF > 0 ? u * Math.exp(-gap / tauF) : bigU;
            x = 1 - (1 - x) * Math.exp(-gap / tauRec);
            double r = u * x;
            x -= r;
            u += bigU * (1 - u);
            last = tMs;
            return r;
        }

        @Override
        public void post(double tMs) {}

        @Override
        public double weight() {
            return u * x;
        }

        @Override
        public void reset() {
            u = bigU;
            x = 1;
            last = Double.NEGATIVE_INFINITY;
        }

        @Override
        public Map<String, Double> probe() {
            return Map.of("u", u, "R", x);
        }
    }

    /** Multiplies a real parameter by {@code factor}. */
    static Consumer<Map<String, Object>> scale(String key, double factor) {
        return m -> m.put(key, ((Number) m.get(key)).doubleValue() * factor);
    }

    /** Sets a parameter. */
    static Consumer<Map<String, Object>> set(String key, Object value) {
        return m -> m.put(key, value);
    }

    /** Swaps two parameters. */
    static Consumer<Map<String, Object>> swap(String a, String b) {
        return m -> {
            Object va = m.get(a);
            m.put(a, m.get(b));
            m.put(b, va);
        };
    }

    /** A mutant's name, description and parameters: those of the model it mutates. */
    private abstract static class Named implements org.neuroai.core.Registered {
        private final String name;
        private final List<ParamSpec> parameters;

        Named(String name, List<ParamSpec> parameters) {
            this.name = name;
            this.parameters = parameters;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public String description() {
            return "mutant of " + name;
        }

        public List<ParamSpec> parameters() {
            return parameters;
        }
    }

    private abstract static class Wrapped extends Named implements SpikeRule {
        final SpikeRule base;

        Wrapped(SpikeRule base) {
            super(base.name(), base.parameters());
            this.base = base;
        }

        @Override
        public Map<String, Map<String, Object>> presets() {
            return base.presets();
        }

        @Override
        public boolean timingDependent() {
            return base.timingDependent();
        }

        @Override
        public double settleMs() {
            return base.settleMs();
        }

        @Override
        public String defaultPreset() {
            return base.defaultPreset();
        }

        @Override
        public SpikeSynapse create(Params p) {
            return base.create(p);
        }
    }

    /** A synapse that forwards everything, for mutants to override one event. */
    static class Forwarding implements SpikeSynapse {
        final SpikeSynapse s;

        Forwarding(SpikeSynapse s) {
            this.s = s;
        }

        @Override
        public double pre(double tMs) {
            return s.pre(tMs);
        }

        @Override
        public void post(double tMs) {
            s.post(tMs);
        }

        @Override
        public void modulate(double tMs, double amount) {
            s.modulate(tMs, amount);
        }

        @Override
        public void advance(double tMs) {
            s.advance(tMs);
        }

        @Override
        public double weight() {
            return s.weight();
        }

        @Override
        public void reset() {
            s.reset();
        }

        @Override
        public Map<String, Double> probe() {
            return s.probe();
        }
    }

    /** One update of a rate rule. */
    @FunctionalInterface
    interface Update {
        void apply(double[][] w, double[] pre, double[] post, double[] target, double eta);
    }

    /** A rate rule named {@code name} whose update is {@code update}, written in the test. */
    static PlasticityRule rate(PlasticityRule base, java.util.function.Function<Plasticity, Update> update) {
        abstract class RateMutant extends Named implements PlasticityRule {
            RateMutant() {
                super(base.name(), base.parameters());
            }
        }
        return new RateMutant() {
            @Override
            public Plasticity create(Params params, int nPre, int nPost) {
                Plasticity real = base.create(params, nPre, nPost);
                Update u = update.apply(real);
                return new Plasticity() {
                    @Override
                    public void update(double[][] w, double[] pre, double[] post, double[] target, double eta) {
                        u.apply(w, pre, post, target, eta);
                    }

                    @Override
                    public void reset() {
                        real.reset();
                    }

                    @Override
                    public Map<String, double[]> probe() {
                        return real.probe();
                    }
                };
            }

            @Override
            public boolean supervised() {
                return base.supervised();
            }

            @Override
            public List<String> probeable() {
                return base.probeable();
            }
        };
    }
}
