package org.neuroai.bio;

import java.util.List;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;
import org.neuroai.core.Registered;

/**
 * A synaptic learning rule for a layer of rate units: a frozen declaration (name, parameters with
 * defaults and units) kept apart from the per-run state it creates.
 *
 * <p>To add a rule: write one class implementing this interface with a public no-argument
 * constructor, and add its name to
 * {@code META-INF/services/org.neuroai.bio.PlasticityRule}. It then appears in
 * {@code neuroai list}, can be used by experiments, and is run through the contract tests.
 *
 * <p>Every rule declares a learning rate {@code eta} (per presentation, dimensionless), which the
 * network that owns the weights may anneal; the rule receives the current rate on every update.
 */
public interface PlasticityRule extends Registered {
    /** The rule's parameters with defaults from its paper; must include {@code eta}. */
    List<ParamSpec> parameters();

    /**
     * Makes the per-run state of the rule for a layer.
     *
     * @param params resolved parameters
     * @param nPre number of presynaptic inputs
     * @param nPost number of postsynaptic units
     * @return fresh state
     * @throws org.neuroai.core.UserError when the layer's shape does not suit the rule
     */
    Plasticity create(Params params, int nPre, int nPost);

    /**
     * Whether the rule needs a target (a teaching signal) for every presentation, as the
     * perceptron, delta and Rescorla-Wagner rules do. Unsupervised rules ignore targets.
     */
    default boolean supervised() {
        return false;
    }

    /**
     * The state a monitor may record, by name, as Nengo's {@code probeable}: what
     * {@link Plasticity#probe()} returns, one value per unit or per input (BCM's sliding threshold
     * "theta", the covariance rule's running means). Empty for rules without state.
     */
    default List<String> probeable() {
        return List.of();
    }

    /** Resolves user values against {@link #parameters()}, rejecting unknown keys and bad values. */
    default Params params(java.util.Map<String, ?> given, String where) {
        return Params.resolve(parameters(), given, where);
    }
}
