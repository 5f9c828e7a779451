package org.neuroai.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParamsTest {
    private static final List<ParamSpec> SPECS = List.of(
            ParamSpec.positive("eta", 0.01, 1, "1", "learning rate"),
            ParamSpec.integer("k", 3, 1, 10, "units"),
            ParamSpec.choice("opt", "adam", List.of("sgd", "adam"), "optimiser"),
            ParamSpec.flag("bias", false, "use biases"));

    @Test
    void defaultsFillEveryParameter() {
        Params p = Params.defaults(SPECS);
        assertEquals(0.01, p.real("eta"));
        assertEquals(3, p.integer("k"));
        assertEquals("adam", p.string("opt"));
        assertEquals(false, p.flag("bias"));
    }

    @Test
    void userValuesAreParsedFromStrings() {
        Params p = Params.resolve(SPECS, Map.of("eta", "0.5", "k", "7", "opt", "sgd", "bias", "TRUE"), "test");
        assertEquals(0.5, p.real("eta"));
        assertEquals(7, p.integer("k"));
        assertEquals("sgd", p.string("opt"));
        assertEquals(true, p.flag("bias"));
    }

    @Test
    void aNegativeLearningRateIsRejectedWithTheKeyAndTheRange() {
        UserError e = assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("eta", "-0.1"), "spec.yaml"));
        assertTrue(e.getMessage().startsWith("spec.yaml: invalid value '-0.1' for 'eta'"), e.getMessage());
        assertTrue(e.getMessage().contains("(0, 1]"), e.getMessage());
    }

    @Test
    void zeroIsOutsideAnOpenLowerBound() {
        assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("eta", 0), "x"));
    }

    @Test
    void unknownKeysNameTheValidOnes() {
        UserError e = assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("etta", "1"), "cli"));
        assertEquals("cli: unknown key 'etta'; valid keys are: eta, k, opt, bias.", e.getMessage());
    }

    @Test
    void badTypesAndChoicesAreRejected() {
        assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("k", "2.5"), "x"));
        assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("k", "11"), "x"));
        assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("opt", "rmsprop"), "x"));
        assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("bias", "yes"), "x"));
        assertThrows(UserError.class, () -> Params.resolve(SPECS, Map.of("eta", "NaN"), "x"));
    }
}
