package org.neuroai.ann.baselines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroai.core.data.Datasets;

class TribuoBaselinesTest {
    @Test
    void logisticRegressionOnDigitsReachesTheLinearModelsUsualAccuracy() {
        // Linear classifiers on the 8x8 digits typically score 0.95-0.97 on held-out data
        // (scikit-learn's documented examples); 0.93 leaves room for the split.
        List<TribuoBaselines.Result> rs = TribuoBaselines.run("digits", Datasets.digits(), 0.25, 10, 1);
        TribuoBaselines.Result lr = rs.stream().filter(r -> r.model().equals("logistic-regression")).findFirst().orElseThrow();
        assertTrue(lr.accuracy() >= 0.93, "accuracy " + lr.accuracy());
        assertEquals(449, lr.test());
        assertTrue(lr.provenanceJson().contains("LinearSGDTrainer"), "Tribuo's provenance names the trainer");
        assertTrue(lr.provenanceJson().contains("digits-train"), "and the data source");
    }

    @Test
    void everySmallDataSetIsFarAboveChance() {
        assertTrue(TribuoBaselines.run("iris", Datasets.iris(), 0.3, 20, 2).stream().allMatch(r -> r.accuracy() > 0.85));
        assertTrue(TribuoBaselines.run("wine", Datasets.wine(), 0.3, 20, 2).stream().allMatch(r -> r.accuracy() > 0.9));
        assertTrue(TribuoBaselines.run("breast-cancer", Datasets.breastCancer(), 0.3, 20, 2).stream()
                .allMatch(r -> r.accuracy() > 0.9));
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        double a = TribuoBaselines.run("wine", Datasets.wine(), 0.3, 5, 9).get(0).accuracy();
        double b = TribuoBaselines.run("wine", Datasets.wine(), 0.3, 5, 9).get(0).accuracy();
        assertEquals(a, b);
    }
}
