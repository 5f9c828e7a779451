package org.neuroai.compare.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselinesCliTest {
    @TempDir
    Path tmp;

    @Test
    void writesResultsAndTribuoProvenance() throws IOException {
        CliRun r = CliRun.of("baselines", "--datasets", "iris,wine", "--epochs", "5", "--out", tmp.toString());
        assertEquals(0, r.code(), r.err());
        List<String> csv = Files.readAllLines(tmp.resolve("baselines.csv"));
        assertEquals("dataset,model,accuracy,macro_f1,train,test", csv.get(0));
        assertEquals(5, csv.size(), "two data sets times two models");
        String prov = Files.readString(tmp.resolve("iris_logistic-regression_provenance.json"));
        assertTrue(prov.contains("org.tribuo.classification.sgd.linear.LinearSGDModel"), prov.substring(0, 200));
    }

    @Test
    void anUnknownDataSetIsOneLine() {
        CliRun r = CliRun.of("baselines", "--datasets", "cifar", "--out", tmp.toString());
        assertEquals(2, r.code());
        assertTrue(r.err().contains("unknown data set 'cifar'"), r.err());
    }
}
