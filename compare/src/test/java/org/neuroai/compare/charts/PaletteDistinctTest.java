package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Family;

class PaletteDistinctTest {
    @Test
    void learnersKeepTheirColourUnlessAnEarlierOneLooksAlike() {
        Map<String, Family> ls = new LinkedHashMap<>();
        ls.put("oja", Family.BIO);
        ls.put("gha", Family.BIO);
        ls.put("delta", Family.BIO);
        ls.put("mlp", Family.GRADIENT);
        Map<String, Color> c = Palette.distinct(ls);
        assertEquals(Palette.of("oja", Family.BIO), c.get("oja"));
        assertEquals(Palette.of("gha", Family.BIO), c.get("gha"), "blue and bluish green are told apart");
        assertNotEquals(Palette.of("delta", Family.BIO), c.get("delta"), "teal beside bluish green is replaced");
        assertEquals(new Color(0x56B4E9), c.get("delta"), "by the first free colour of the bio pool");
        assertEquals(Palette.of("mlp", Family.GRADIENT), c.get("mlp"));
    }
}
