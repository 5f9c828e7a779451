package org.neuroai.compare.charts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.awt.Color;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.neuroai.core.Described;
import org.neuroai.core.Family;

class PaletteDistinctTest {
    @Test
    void aColourKeyIsKeptAndTheOthersTakeTheirFamilysFirstColourNotCloseToOneTaken() {
        Map<String, Color> c = Palette.of(List.of(
                new Described("a", Family.BIO, "", "", ""),
                new Described("b", Family.BIO, "", "#009E73", ""),
                new Described("c", Family.BIO, "", "", ""),
                new Described("d", Family.GRADIENT, "", "", ""),
                new Described("e", Family.GRADIENT, "", "", "")));
        assertEquals(new Color(0x009E73), c.get("b"), "an explicit key wins");
        assertEquals(Palette.BLUE, c.get("a"), "the first of the bio pool");
        assertEquals(new Color(0x56B4E9), c.get("c"), "sky blue: the bluish green of b is taken");
        assertEquals(Palette.VERMILLION, c.get("d"), "the first of the gradient pool");
        assertEquals(Palette.ORANGE, c.get("e"));
        assertNotEquals(c.get("a"), c.get("c"));
    }

    @Test
    void bayesianLearnersTakeTheirOwnPoolAwayFromTheCoolAndWarmOnes() {
        Map<String, Color> c = Palette.of(List.of(
                new Described("a", Family.BIO, "", "", ""),
                new Described("g", Family.GRADIENT, "", "", ""),
                new Described("p", Family.BAYESIAN, "", "", ""),
                new Described("q", Family.BAYESIAN, "", "", "")));
        assertEquals(new Color(0xAA4499), c.get("p"), "Tol's purple first");
        assertEquals(new Color(0xDDCC77), c.get("q"), "then Tol's sand");
        assertNotEquals(c.get("g"), c.get("p"));
    }

    @Test
    void theSameLearnersGetTheSameColoursInEveryFigure() {
        List<Described> ls = List.of(new Described("x", Family.BIO, "", "", ""), new Described("y", Family.GRADIENT, "", "", ""));
        assertEquals(Palette.of(ls), Palette.of(ls));
    }
}
