package org.neuroai.compare.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The posterior figure's legend names each learner without the parts that would not fit under a panel. */
class CoinFiguresTest {
    @Test
    void aShortLabelDropsTheParenthesesAndTheFormula() {
        assertEquals("Beta posterior, exact", CoinFigures.shortLabel("Beta posterior, exact (Bayesian)"));
        assertEquals("logistic unit, SGD", CoinFigures.shortLabel("logistic unit, SGD (gradient, DL4J)"));
        assertEquals("Hebbian average", CoinFigures.shortLabel("Hebbian average (bio): Δw = η (toss − w)"));
        assertEquals("hebb", CoinFigures.shortLabel("hebb"));
    }
}
