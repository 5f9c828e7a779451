package org.neuroai.bio.spiking.tasks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroai.bio.spiking.neurons.PoissonSource;
import org.neuroai.core.Batch;
import org.neuroai.core.Params;
import org.neuroai.core.Registry;
import org.neuroai.core.SampleStream;
import org.neuroai.core.Spikes;
import org.neuroai.core.Task;
import org.neuroai.core.TaskFactory;
import org.neuroai.core.UserError;

/** The tasks of spikes: their windows, their seeds, and the checks of a file of spike times. */
class SpikeTasksTest {
    @TempDir
    Path tmp;

    private static Task task(String name, Map<String, Object> given) {
        TaskFactory f = Registry.get(TaskFactory.class, name, "task");
        return f.create(Params.resolve(f.parameters(), given, "test"));
    }

    /** Every spike of the first {@code ms} of a stream, cut into windows of the given lengths in turn. */
    private static List<double[]> spikes(SampleStream s, long ms, int... lengths) {
        List<double[]> out = new ArrayList<>();
        int k = 0;
        while (s.position() < ms) {
            long from = s.position();
            int n = (int) Math.min(lengths[k++ % lengths.length], ms - from);
            Batch b = s.next(n);
            Spikes w = b.spikes();
            assertEquals(from, b.first());
            assertEquals(0, b.size(), "a window of spikes has no rows");
            assertEquals(from, w.fromMs(), 0.0);
            assertEquals(from + n, w.toMs(), 0.0);
            for (int i = 0; i < w.count(); i++) {
                assertTrue(w.timeMs()[i] >= from && w.timeMs()[i] < from + n, "spike inside its window");
                assertTrue(i == 0 || w.timeMs()[i] >= w.timeMs()[i - 1], "in time order");
                out.add(new double[] {w.source()[i], w.timeMs()[i]});
            }
        }
        return out;
    }

    @Test
    void everyTaskOfSpikesSaysSoAndHoldsNothingOut() {
        for (String name : List.of("poisson", "regular")) {
            Task t = task(name, Map.of());
            assertTrue(t.spiking(), name);
            assertEquals(0, t.heldOut().size());
        }
        assertFalse(task("xor", Map.of()).spiking(), "a task of rates");
    }

    @Test
    void poissonTrainsFollowTheSeedAndNotTheWindows() {
        Task t = task("poisson", Map.of("inputs", 50, "rate_hz", 20.0));
        List<double[]> a = spikes(t.stream(4), 3000, 1000);
        List<double[]> b = spikes(t.stream(4), 3000, 7, 1, 300);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i));
        }
        assertFalse(a.size() == spikes(t.stream(5), 3000, 1000).size() && a.get(0)[1] == spikes(t.stream(5), 3000, 1000).get(0)[1]);
        // 50 inputs x 20 Hz x 3 s = 3000 spikes on average, sd about 55
        assertEquals(3000, a.size(), 200);
        // input i draws from the split after i + 1 others of the seed's root (the first is the weights')
        SplittableRandom root = new SplittableRandom(4);
        root.split();
        root.split();
        double first = new PoissonSource(20, root.split()).next();
        double seen = a.stream().filter(x -> x[0] == 1).findFirst().orElseThrow()[1];
        assertEquals(first, seen, 0.0);
    }

    @Test
    void regularTrainsStartAtTheirPhases() {
        Task t = task("regular", Map.of("inputs", 3, "rate_hz", 10.0, "phases_ms", "0, 25, 99.5"));
        List<double[]> s = spikes(t.stream(0), 250, 50);
        List<Double> input2 = s.stream().filter(x -> x[0] == 2).map(x -> x[1]).toList();
        assertEquals(List.of(99.5, 199.5), input2);
        assertEquals(List.of(25.0, 125.0, 225.0), s.stream().filter(x -> x[0] == 1).map(x -> x[1]).toList());
        assertEquals(8, s.size());
        UserError e = assertThrows(UserError.class, () -> task("regular", Map.of("inputs", 3, "phases_ms", "1, 2")));
        assertTrue(e.getMessage().contains("phases_ms has 2 values for 3 inputs"), e.getMessage());
        UserError neg = assertThrows(UserError.class, () -> task("regular", Map.of("phases_ms", "-4")));
        assertTrue(neg.getMessage().contains("'-4'"), neg.getMessage());
    }

    @Test
    void givenSpikeTimesAreReadInAnyOrderAndHandedOutInTimeOrder() throws IOException {
        Path f = tmp.resolve("spikes.csv");
        Files.writeString(f, "input,time_ms\n1,30\n0,5.5\n\n2,12\n0,1\n");
        Task t = task("spike-times", Map.of("file", f.toString()));
        assertEquals(3, t.inputDim());
        List<double[]> s = spikes(t.stream(9), 40, 10);
        assertEquals(4, s.size());
        assertArrayEquals(new double[] {0, 1}, s.get(0));
        assertArrayEquals(new double[] {0, 5.5}, s.get(1));
        assertArrayEquals(new double[] {2, 12}, s.get(2));
        assertArrayEquals(new double[] {1, 30}, s.get(3));
        assertEquals(5, task("spike-times", Map.of("file", f.toString(), "inputs", 5)).inputDim());
    }

    @Test
    void aMistakeInAFileOfSpikeTimesNamesTheFileTheLineAndWhatIsValid() throws IOException {
        Map<String, String> cases = Map.of(
                "time,input\n0,1\n", ":1: expected the header 'input,time_ms'",
                "input,time_ms\n0,1\n-1,2\n", ":3: input '-1' is not valid; valid is an integer >= 0.",
                "input,time_ms\n0,1\n0,abc\n", ":3: time_ms 'abc' is not valid; valid is a finite time in ms >= 0.",
                "input,time_ms\n0,1,2\n", ":2: expected two fields 'input,time_ms', found '0,1,2'.",
                "input,time_ms\n0,1\n0,-3\n", ":3: time_ms '-3' is not valid",
                "input,time_ms\n0,4\n1,2\n0,4\n", ":4: input 0 fires twice at 4 ms (also on line 2)");
        int k = 0;
        for (Map.Entry<String, String> c : cases.entrySet()) {
            Path f = tmp.resolve("bad" + k++ + ".csv");
            Files.writeString(f, c.getKey());
            UserError e = assertThrows(UserError.class, () -> task("spike-times", Map.of("file", f.toString())));
            assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
            assertTrue(e.getMessage().contains(c.getValue()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        Path f = tmp.resolve("three.csv");
        Files.writeString(f, "input,time_ms\n3,1\n");
        UserError range = assertThrows(UserError.class, () -> task("spike-times", Map.of("file", f.toString(), "inputs", 3)));
        assertTrue(range.getMessage().endsWith(":2: input '3' is not valid; valid is an integer in [0, 2]."), range.getMessage());
        UserError missing = assertThrows(UserError.class, () -> task("spike-times", Map.of("file", tmp.resolve("none.csv").toString())));
        assertTrue(missing.getMessage().contains("spike-times file not found"), missing.getMessage());
        UserError none = assertThrows(UserError.class, () -> task("spike-times", Map.of()));
        assertTrue(none.getMessage().contains("no 'file' given"), none.getMessage());
    }
}
