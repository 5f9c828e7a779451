package org.neuroai.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.core.UserError;

class RunSpecTest {
    @TempDir
    Path tmp;

    private Path yaml(String text) throws IOException {
        Path f = tmp.resolve("spec.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aSpecIsReadWithItsSettings() throws IOException {
        RunSpec s = RunSpec.fromYaml(yaml("experiment: pca\nseeds: 4\nquick: true\nset:\n  task: digits\n  bio.eta: 0.002\n"));
        assertEquals("pca", s.experiment());
        assertEquals(4, s.seeds());
        assertEquals(true, s.quick());
        assertEquals(Map.of("task", "digits", "bio.eta", "0.002"), s.settings());
        assertEquals(4, s.seedList().length);
    }

    @Test
    void anUnknownKeyNamesTheFileAndTheValidKeys() throws IOException {
        Path f = yaml("experiment: pca\nseed: 3\n");
        UserError e = assertThrows(UserError.class, () -> RunSpec.fromYaml(f));
        assertEquals(f + ":2: unknown key 'seed'; valid keys are: experiment, seeds, first_seed, quick, set.", e.getMessage());
    }

    @Test
    void malformedSpecsAreRefused() throws IOException {
        assertThrows(UserError.class, () -> RunSpec.fromYaml(yaml("experiment: [pca\n")));
        assertThrows(UserError.class, () -> RunSpec.fromYaml(yaml("seeds: 3\n")));
        assertThrows(UserError.class, () -> RunSpec.fromYaml(yaml("experiment: pca\nseeds: 0\n")));
        assertThrows(UserError.class, () -> RunSpec.fromYaml(yaml("experiment: pca\nseeds: two\n")));
        assertThrows(UserError.class, () -> RunSpec.fromYaml(yaml("experiment: pca\nset:\n  k: [1, 2]\n")));
        assertThrows(UserError.class, () -> RunSpec.fromYaml(tmp.resolve("missing.yaml")));
    }

    @Test
    void everyMistakeIsReportedWithItsLine() throws IOException {
        Path f = yaml("experiment: pca\nseeds: -2\nquik: true\nset:\n  k: [1, 2]\n");
        UserError e = assertThrows(UserError.class, () -> RunSpec.fromYaml(f));
        java.util.List<String> lines = e.getMessage().lines().toList();
        assertEquals(3, lines.size(), e.getMessage());
        assertEquals(true, lines.get(0).startsWith(f + ":3: unknown key 'quik'"), lines.get(0));
        assertEquals(true, lines.get(1).startsWith(f + ":2: invalid value '-2' for 'seeds'"), lines.get(1));
        assertEquals(true, lines.get(2).startsWith(f + ":5: setting 'k' must be a single value"), lines.get(2));
    }

    @Test
    void settingsKeepTheirLinesUnlessOverridden() throws IOException {
        RunSpec s = RunSpec.fromYaml(yaml("experiment: pca\nset:\n  task: digits\n  k: 3\n"));
        assertEquals(s.source() + ":4", s.where("set.k"));
        assertEquals(s.source(), s.with(null, null, Map.of("k", "5")).where("set.k"));
    }
}
