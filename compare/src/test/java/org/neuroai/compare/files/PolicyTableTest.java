package org.neuroai.compare.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.core.UserError;

/** policy.csv read back as written, and a malformed one refused with the line and the column at fault. */
class PolicyTableTest {
    private static final String GOOD = "three-factor,1,2,0,0.1,0.2,0.6,0.1,0.8,-14.5,-14.7,right|down";

    @TempDir
    Path tmp;

    @Test
    void readsWhatItWrote() throws Exception {
        Path file = tmp.resolve("policy.csv");
        Files.writeString(file, PolicyTable.HEADER + "\n" + GOOD + "\nreinforce,2,0,3,0.25,0.25,0.25,0.25,0.5,,-9,right\n");
        List<PolicyTable.Row> rows = PolicyTable.read(file);
        assertEquals(2, rows.size());
        assertEquals(0.6, rows.get(0).p()[2], 0);
        assertTrue(rows.get(0).optimal()[1] && rows.get(0).optimal()[2] && !rows.get(0).optimal()[0]);
        assertTrue(Double.isNaN(rows.get(1).value()));
        Path again = tmp.resolve("again.csv");
        PolicyTable.write(again, rows);
        List<PolicyTable.Row> back = PolicyTable.read(again);
        assertEquals(-14.7, back.get(0).optimalValue(), 1e-9);
        assertTrue(Double.isNaN(back.get(1).value()));
    }

    @Test
    void refusesAMalformedFileNamingTheLineAndColumn() throws Exception {
        Path file = tmp.resolve("policy.csv");
        Files.writeString(file, PolicyTable.HEADER + "\n" + GOOD + "\nthree-factor,1,2,1,0.1\n");
        UserError shortLine = assertThrows(UserError.class, () -> PolicyTable.read(file));
        assertTrue(shortLine.getMessage().contains("line 3: 5 columns where 12 are needed"), shortLine.getMessage());
        Files.writeString(file, PolicyTable.HEADER + "\n" + GOOD.replace("0.6", "lots") + "\n");
        UserError notANumber = assertThrows(UserError.class, () -> PolicyTable.read(file));
        assertTrue(notANumber.getMessage().contains("line 2: column 'p_down' is not a number ('lots')"), notANumber.getMessage());
        Files.writeString(file, "learner,seed\n");
        assertThrows(UserError.class, () -> PolicyTable.read(file));
        UserError missing = assertThrows(UserError.class, () -> PolicyTable.read(tmp.resolve("none.csv")));
        assertTrue(missing.getMessage().contains("is missing"), missing.getMessage());
    }
}
