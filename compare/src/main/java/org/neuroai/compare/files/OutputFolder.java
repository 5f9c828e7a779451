package org.neuroai.compare.files;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.neuroai.core.UserError;

/**
 * A folder the toolkit writes into, written safely: never a folder it did not make, one writer at
 * a time, and nothing half-written left behind.
 *
 * <ul>
 *   <li><b>Whose folder.</b> A folder is written into only when it is new, empty, or holds a
 *       {@link Manifest} of the same kind (the toolkit's record of the files it wrote there).
 *       Replacing an earlier run takes {@code --force} (a sweep resumes, and the demo rewrites its
 *       own folder, without it), and replaces only the files the manifest lists: a user's notes
 *       beside them are kept. A folder with other files and no manifest is never written into.</li>
 *   <li><b>One writer.</b> {@value #LOCK} in the folder holds the writer's process id and start
 *       time; a second writer is refused while that process lives, and a lock left by a process
 *       that died is taken over, with a message.</li>
 *   <li><b>Nothing half-written.</b> Files are written into a scratch folder
 *       ({@code .partial-PID-N} inside the folder) and moved into place by {@link #commit}, the
 *       manifest and then {@code provenance.json} last, so a folder whose provenance.json exists
 *       holds a whole run. The scratch folder is removed when the process ends, by Ctrl-C too; one
 *       left by a killed process is removed by the next writer.</li>
 * </ul>
 */
public final class OutputFolder implements AutoCloseable {
    /** The lock file's name. */
    public static final String LOCK = ".neuroai.lock";
    /** The prefix of scratch folders. */
    public static final String SCRATCH = ".partial-";
    /** The file written last: a folder is a finished run once it exists. */
    public static final String DONE = "provenance.json";

    private static final Set<Path> HELD = Collections.synchronizedSet(new HashSet<>());
    private static final ThreadLocal<java.util.function.Consumer<String>> NOTICES =
            ThreadLocal.withInitial(() -> line -> System.err.println(line));
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private final Path dir;
    private final String kind;
    private final Path created;
    private final Thread hook;
    private Path scratch;
    private boolean committed;
    private boolean closed;

    private OutputFolder(Path dir, String kind, Path created) {
        this.dir = dir;
        this.kind = kind;
        this.created = created;
        this.hook = new Thread(this::cleanUp, "neuroai-output-cleanup");
    }

    /**
     * Opens a folder to write a result of a kind into, checking that it may be written and taking
     * its lock.
     *
     * @param out the folder, as the user gave it (for messages)
     * @param kind what is written: "run", "sweep", "demo", "protocol"
     * @param replace whether an earlier result of the same kind may be replaced (--force; a sweep resumes)
     * @param option the command-line option that names the folder, for messages ("--out")
     * @return the open folder; close it when done
     * @throws UserError when the folder may not be written, naming why and what to do
     */
    public static OutputFolder open(Path out, String kind, boolean replace, String option) {
        Path dir = out.toAbsolutePath().normalize();
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UserError(out + ": " + option + " must be a folder, but this is a file.");
        }
        Path created = null;
        if (!Files.exists(dir)) {
            created = topmostMissing(dir);
            try {
                Files.createDirectories(dir);
            } catch (IOException | SecurityException e) {
                throw new UserError(out + ": cannot create the " + option + " folder (" + reason(e) + "); choose a folder you can write to.");
            }
        }
        OutputFolder f = new OutputFolder(dir, kind, created);
        boolean ok = false;
        try {
            f.lock(out, option);
            removeDeadScratch(dir);
            if (created == null) {
                f.checkOwner(out, replace, option);
            }
            Runtime.getRuntime().addShutdownHook(f.hook);
            ok = true;
            return f;
        } finally {
            if (!ok) {
                f.release();
                f.removeIfCreatedAndEmpty();
            }
        }
    }

    /**
     * Where this thread's notices go (a stale lock taken over): standard error unless a command
     * line gives its own error stream.
     *
     * @param sink the sink, or null for standard error
     */
    public static void noticesTo(java.util.function.Consumer<String> sink) {
        if (sink == null) {
            NOTICES.remove();
        } else {
            NOTICES.set(sink);
        }
    }

    /**
     * Removes what a killed writer left in a folder it had finished or will not write again (a
     * sweep point found done): its lock and its scratch folders, if their process is gone.
     *
     * @param dir the folder
     */
    public static void tidy(Path dir) {
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(d) || HELD.contains(d)) {
            return;
        }
        String[] held = readLock(d.resolve(LOCK));
        if (held != null) {
            long pid = parsePid(held[0]);
            String start = held.length > 1 ? held[1] : "";
            boolean alive = pid > 0 && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> startOf(p).equals(start)).orElse(false);
            if (!alive) {
                deleteQuietly(d.resolve(LOCK));
            }
        }
        removeDeadScratch(d);
    }

    /** The folder. */
    public Path dir() {
        return dir;
    }

    /**
     * The scratch folder to write the result into, made the first time it is asked for.
     *
     * @return the scratch folder
     */
    public synchronized Path scratch() {
        if (scratch == null) {
            scratch = dir.resolve(SCRATCH + ProcessHandle.current().pid() + "-" + COUNTER.incrementAndGet());
            try {
                Folders.deleteTree(scratch);
                Files.createDirectories(scratch);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return scratch;
    }

    /**
     * Puts the scratch folder's files in place: the earlier result's files (those its manifest
     * lists) are removed, provenance.json first; the new files are moved in; the manifest is
     * written; provenance.json comes last. A file in the way that the earlier result did not write
     * is never overwritten: the new result then stays whole in a visible sub-folder, and the
     * method says where.
     *
     * @throws UserError when a file of the user's is in the way
     */
    public synchronized void commit() {
        commit(false, true);
    }

    /**
     * Puts the scratch folder's files in place beside those of earlier results, as a folder of
     * protocol results holds one file set per protocol: an earlier file of the same name is
     * replaced only when {@code replace} is given, and the others are kept.
     *
     * @param replace whether a file of the same name that an earlier result wrote may be replaced (--force)
     * @throws UserError when a file of the user's, or (without replace) of an earlier result, is in the way
     */
    public synchronized void add(boolean replace) {
        commit(true, replace);
    }

    private void commit(boolean adding, boolean replace) {
        Path from = scratch();
        try {
            List<Path> files = Manifest.walk(from);
            Set<Path> earlier = new HashSet<>(Manifest.read(dir).map(Manifest::files).orElse(List.of()));
            List<Path> kept = new ArrayList<>();
            if (adding) {
                for (Path rel : earlier) {
                    if (!files.contains(rel)) {
                        kept.add(rel);
                    } else if (!replace) {
                        throw new UserError(dir + ": " + rel + " was written by an earlier " + kind + "; give --force to replace it, or choose another folder.");
                    }
                }
                earlier.removeAll(kept);
            }
            List<Path> inTheWay = new ArrayList<>();
            for (Path rel : files) {
                Path target = dir.resolve(rel);
                if (Files.exists(target) && !earlier.contains(rel) && !rel.toString().equals(Manifest.NAME)) {
                    inTheWay.add(rel);
                }
            }
            if (!inTheWay.isEmpty()) {
                Path aside = dir.resolve(kind + "-" + Instant.now().toString().replace(':', '-'));
                Files.move(from, aside, StandardCopyOption.ATOMIC_MOVE);
                scratch = null;
                Manifest.write(aside, kind, Manifest.walk(aside));
                throw new UserError(dir + ": " + inTheWay.get(0) + (inTheWay.size() > 1 ? " and " + (inTheWay.size() - 1) + " more" : "")
                        + " in this folder were not written by the earlier " + kind + " and are left alone; this " + kind + " is whole in " + aside + ".");
            }
            Files.deleteIfExists(dir.resolve(DONE));
            for (Path rel : earlier) {
                Files.deleteIfExists(dir.resolve(rel));
            }
            Map<Path, Path> moves = new LinkedHashMap<>();
            for (Path rel : files) {
                if (!rel.toString().equals(DONE) && !rel.toString().equals(Manifest.NAME)) {
                    moves.put(from.resolve(rel), dir.resolve(rel));
                }
            }
            for (Map.Entry<Path, Path> m : moves.entrySet()) {
                Files.createDirectories(m.getValue().getParent());
                Files.move(m.getKey(), m.getValue(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            removeEmptyFolders(earlier);
            List<Path> listed = new ArrayList<>(kept);
            listed.addAll(files);
            listed.removeIf(p -> p.toString().equals(Manifest.NAME));
            Manifest.write(dir, kind, listed, from);
            if (Files.exists(from.resolve(DONE))) {
                Files.move(from.resolve(DONE), dir.resolve(DONE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            }
            Folders.deleteTree(from);
            scratch = null;
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Records files written straight into the folder (a sweep's summary, the demo's index) in its
     * manifest, beside those it lists already.
     *
     * @param files paths relative to the folder
     */
    public void record(List<Path> files) {
        try {
            Set<Path> all = new java.util.LinkedHashSet<>(Manifest.read(dir).map(Manifest::files).orElse(List.of()));
            for (Path f : files) {
                if (Files.isRegularFile(dir.resolve(f))) {
                    all.add(f);
                }
            }
            Manifest.write(dir, kind, new ArrayList<>(all));
            committed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        cleanUp();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook runs anyway
        }
    }

    private void cleanUp() {
        Path s = scratch;
        if (s != null) {
            deleteQuietly(s);
        }
        release();
        if (!committed) {
            removeIfCreatedAndEmpty();
        }
    }

    // ------------------------------------------------------------------ checks

    private void checkOwner(Path out, boolean replace, String option) {
        List<String> entries;
        try (Stream<Path> s = Files.list(dir)) {
            entries = s.map(p -> p.getFileName().toString()).filter(n -> !n.equals(LOCK) && !n.startsWith(SCRATCH)).toList();
        } catch (IOException e) {
            throw new UserError(out + ": cannot read the " + option + " folder (" + reason(e) + ").");
        }
        if (entries.isEmpty()) {
            return;
        }
        Manifest m;
        try {
            m = Manifest.read(dir).orElse(null);
        } catch (IOException | RuntimeException e) {
            throw new UserError(out + ": " + Manifest.NAME + " cannot be read (" + reason(e) + "); the folder is left alone: choose another " + option + " folder.");
        }
        if (m == null) {
            throw new UserError(out + ": the " + option + " folder is not empty and holds nothing written by neuroai (no " + Manifest.NAME
                    + "); its files are left alone: choose an empty or new folder.");
        }
        if (!m.kind().equals(kind)) {
            throw new UserError(out + ": the " + option + " folder holds a " + m.kind() + " of neuroai, not a " + kind + "; choose another folder.");
        }
        if (!replace) {
            throw new UserError(out + ": the " + option + " folder holds an earlier " + kind + "; give --force to replace the files it wrote "
                    + "(other files there are kept), or choose another folder.");
        }
    }

    private void lock(Path out, String option) {
        Path lock = dir.resolve(LOCK);
        ProcessHandle me = ProcessHandle.current();
        String mine = me.pid() + " " + startOf(me);
        for (int attempt = 0; attempt < 5; attempt++) {
            if (!HELD.add(dir)) {
                throw new UserError(out + ": the " + option + " folder is being written by this process already; choose another folder.");
            }
            try {
                Files.writeString(lock, mine + "\n", StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                return;
            } catch (FileAlreadyExistsException e) {
                HELD.remove(dir);
                String[] held = readLock(lock);
                if (held == null) {
                    continue;
                }
                long pid = parsePid(held[0]);
                String start = held.length > 1 ? held[1] : "";
                boolean alive = pid > 0 && ProcessHandle.of(pid).filter(ProcessHandle::isAlive).map(p -> startOf(p).equals(start)).orElse(false);
                if (alive && pid != me.pid()) {
                    throw new UserError(out + ": the " + option + " folder is being written by process " + pid + " (started " + start
                            + "); wait for it to end or choose another folder.");
                }
                NOTICES.get().accept("neuroai: " + out + ": taking over the lock of process " + pid + ", which is no longer running.");
                try {
                    Files.deleteIfExists(lock);
                } catch (IOException ex) {
                    throw new UserError(out + ": cannot remove the stale lock " + lock + " (" + reason(ex) + ").");
                }
            } catch (IOException e) {
                HELD.remove(dir);
                throw new UserError(out + ": cannot write into the " + option + " folder (" + reason(e) + "); choose a folder you can write to.");
            }
        }
        throw new UserError(out + ": the " + option + " folder's lock keeps changing hands; another process is writing into it.");
    }

    private void release() {
        if (HELD.remove(dir)) {
            try {
                Files.deleteIfExists(dir.resolve(LOCK));
            } catch (IOException e) {
                // the next writer finds a lock of a dead process and takes it over
            }
        }
    }

    private static void removeDeadScratch(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.filter(q -> q.getFileName().toString().startsWith(SCRATCH)).toList()) {
                String rest = p.getFileName().toString().substring(SCRATCH.length());
                long pid = parsePid(rest.contains("-") ? rest.substring(0, rest.indexOf('-')) : rest);
                boolean alive = pid > 0 && pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (!alive) {
                    deleteQuietly(p);
                }
            }
        } catch (IOException e) {
            // nothing to clean, or nothing we may clean
        }
    }

    private void removeIfCreatedAndEmpty() {
        if (created == null) {
            return;
        }
        for (Path p = dir; p != null && p.startsWith(created); p = p.getParent()) {
            try {
                Files.deleteIfExists(p);
            } catch (DirectoryNotEmptyException e) {
                return;
            } catch (IOException e) {
                return;
            }
        }
    }

    private void removeEmptyFolders(Set<Path> earlier) {
        for (Path rel : earlier) {
            for (Path p = rel.getParent(); p != null; p = p.getParent()) {
                try {
                    Files.deleteIfExists(dir.resolve(p));
                } catch (IOException e) {
                    break;
                }
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    private static Path topmostMissing(Path dir) {
        Path top = dir;
        for (Path p = dir.getParent(); p != null && !Files.exists(p); p = p.getParent()) {
            top = p;
        }
        return top;
    }

    private static String startOf(ProcessHandle p) {
        return p.info().startInstant().map(Instant::toString).orElse("?");
    }

    private static String[] readLock(Path lock) {
        try {
            return Files.readString(lock).trim().split("\\s+");
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            return new String[] {"-1"};
        }
    }

    private static long parsePid(String s) {
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static void deleteQuietly(Path p) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Folders.deleteTree(p);
                return;
            } catch (IOException | UncheckedIOException e) {
                // a file appeared while deleting: try again
            }
        }
    }

    static String reason(Exception e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fse) {
            if (fse.getReason() != null) {
                return fse.getReason();
            }
            if (e instanceof NoSuchFileException) {
                return "a folder on the way does not exist";
            }
            if (e instanceof FileAlreadyExistsException) {
                return "a file of that name is on the way";
            }
            return "the file system does not allow it";
        }
        String m = e.getMessage();
        return m == null ? e.getClass().getSimpleName() : m;
    }
}
