package org.neuroai.compare.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.compare.cli.Main;

/** The test suite runs {@code neuroai validate}: every model must pass every published check. */
class ValidationTest {
    @TempDir
    Path tmp;

    @Test
    void everyCheckPasses() throws IOException {
        List<Check> checks = Validation.runAll(tmp);
        for (Check c : checks) {
            assertTrue(c.pass(), c.check() + " / " + c.model() + ": expected " + c.expected() + ", got " + c.got());
        }
        assertTrue(checks.stream().filter(c -> c.model().startsWith("stdp-triplet")).count() >= 44,
                "10 points and a χ² for each of the four triplet sets");
        for (Check c : checks) {
            if (!c.figure().equals("-")) {
                assertTrue(Files.isRegularFile(tmp.resolve(c.figure() + ".png")), c.figure());
            }
        }
    }

    @Test
    void theCommandExitsZeroAndPrintsTheTable() {
        StringWriter out = new StringWriter();
        int code = Main.execute(new PrintWriter(out), new PrintWriter(new StringWriter()), "validate", "--out", tmp.toString());
        assertEquals(0, code);
        assertTrue(out.toString().contains("| check | kind | model | expected | got | error | pass |"));
        assertTrue(out.toString().contains(" 0 failed"));
    }
}
