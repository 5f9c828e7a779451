package org.neuroai.core;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * What a run needs to be reproduced: the resolved spec, seeds, code version, library versions,
 * machine, and the SHA-256 of every data file read.
 */
public final class Provenance {
    private Provenance() {}

    /** Libraries whose versions are recorded (group, artifact), read from their jars' pom.properties. */
    private static final String[][] LIBRARIES = {
        {"org.deeplearning4j", "deeplearning4j-nn"},
        {"org.nd4j", "nd4j-native"},
        {"org.tribuo", "tribuo-core"},
        {"org.knowm.xchart", "xchart"},
        {"com.fasterxml.jackson.core", "jackson-databind"},
    };

    /**
     * Gathers provenance.
     *
     * @param spec the resolved spec, every setting included
     * @param dataFiles path to SHA-256 of every data file the run read (see {@link org.neuroai.core.data.DataFiles#log()})
     * @param extra anything else the experiment wants kept (durations, task facts)
     * @return ordered map, ready to write as JSON
     */
    public static Map<String, Object> collect(Map<String, Object> spec, Map<String, String> dataFiles,
                                              Map<String, Object> extra) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("created", Instant.now().toString());
        p.put("spec", spec);
        p.put("git", git());
        Map<String, Object> versions = new LinkedHashMap<>();
        versions.put("neuroai", libraryVersion("org.neuroai", "neuroai-core"));
        versions.put("java", System.getProperty("java.version"));
        versions.put("java_vendor", System.getProperty("java.vendor"));
        versions.put("java_vm", System.getProperty("java.vm.name") + " " + System.getProperty("java.vm.version"));
        for (String[] lib : LIBRARIES) {
            versions.put(lib[1], libraryVersion(lib[0], lib[1]));
        }
        p.put("versions", versions);
        Map<String, Object> machine = new LinkedHashMap<>();
        machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        machine.put("arch", System.getProperty("os.arch"));
        machine.put("cpu", cpuModel());
        machine.put("available_processors", Runtime.getRuntime().availableProcessors());
        machine.put("omp_num_threads", System.getenv().getOrDefault("OMP_NUM_THREADS", "unset"));
        machine.put("max_heap_mib", Runtime.getRuntime().maxMemory() / (1024 * 1024));
        p.put("machine", machine);
        p.put("data_files_sha256", dataFiles);
        p.putAll(extra);
        return p;
    }

    /** Writes provenance as pretty JSON. */
    public static void write(Path file, Map<String, Object> provenance) {
        try {
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), provenance);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /**
     * The version of a library on the class path, from its {@code META-INF/maven/.../pom.properties},
     * or "unknown" (for example when running from an IDE's class folders).
     */
    public static String libraryVersion(String group, String artifact) {
        String res = "/META-INF/maven/" + group + "/" + artifact + "/pom.properties";
        try (InputStream in = Provenance.class.getResourceAsStream(res)) {
            if (in == null) {
                return "unknown";
            }
            Properties props = new Properties();
            props.load(in);
            return props.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    /** The git commit of the project, from the folder in {@code neuroai.home} (set by bin/neuroai) or the working one. */
    private static Map<String, Object> git() {
        Map<String, Object> g = new LinkedHashMap<>();
        String home = System.getProperty("neuroai.home", ".");
        g.put("commit", run("git", "-C", home, "rev-parse", "HEAD"));
        String status = run("git", "-C", home, "status", "--porcelain", "--untracked-files=no");
        g.put("dirty", status.equals("unknown") ? "unknown" : !status.isEmpty());
        return g;
    }

    private static String run(String... cmd) {
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!p.waitFor(10, TimeUnit.SECONDS) || p.exitValue() != 0) {
                return "unknown";
            }
            return out;
        } catch (IOException e) {
            return "unknown";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "unknown";
        }
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux: fall through
        }
        return System.getProperty("os.arch");
    }
}
