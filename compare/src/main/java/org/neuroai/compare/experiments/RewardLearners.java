package org.neuroai.compare.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroai.core.ParamSpec;
import org.neuroai.core.Params;

/**
 * The settings of the agents of the reward experiments: each agent's own settings under a prefix
 * ("ac.alpha"), with defaults an experiment may change, and the agent's own settings taken back out.
 */
final class RewardLearners {
    private RewardLearners() {}

    /**
     * An agent's settings under a prefix, with some defaults replaced.
     *
     * @param prefix such as "ac"
     * @param specs the agent's settings
     * @param defaults new defaults by unprefixed name
     * @return the prefixed settings
     */
    static List<ParamSpec> prefixed(String prefix, List<ParamSpec> specs, Map<String, Object> defaults) {
        List<ParamSpec> out = new ArrayList<>();
        for (ParamSpec p : specs) {
            Object def = defaults.getOrDefault(p.name(), p.defaultValue());
            out.add(new ParamSpec(prefix + "." + p.name(), def, p.min(), p.minExclusive(), p.max(), p.choices(), p.unit(),
                    p.description()));
        }
        return out;
    }

    /**
     * An agent's own settings out of an experiment's.
     *
     * @param s the experiment's resolved settings
     * @param prefix the agent's prefix
     * @param specs the agent's settings
     * @return them, resolved
     */
    static Params of(Params s, String prefix, List<ParamSpec> specs) {
        Map<String, Object> given = new LinkedHashMap<>();
        for (ParamSpec p : specs) {
            given.put(p.name(), s.asMap().get(prefix + "." + p.name()));
        }
        return Params.resolve(specs, given, "setting " + prefix);
    }
}
