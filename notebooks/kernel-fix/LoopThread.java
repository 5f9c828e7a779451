package org.rapaio.jupyter.kernel.channels;

/**
 * Replaces rapaio-jupyter-kernel 3.0.1's thread that polls a channel (kernel.sh puts this class
 * before the kernel's jar). The kernel's own thread is marked running only after it has started,
 * so a thread that gets the processor first sees itself stopped and ends at once; a kernel whose
 * shell or control thread has ended that way never answers, which happened at one start in three
 * here. This one is marked running before it starts. Same constructor and methods.
 */
public final class LoopThread extends Thread {
    private final long pauseMillis;
    private final Runnable step;
    private volatile boolean running;

    /**
     * @param name the thread's name
     * @param pauseMillis the pause after each step, in ms
     * @param step what the thread does again and again until it is shut down
     */
    public LoopThread(String name, long pauseMillis, Runnable step) {
        super(name);
        this.pauseMillis = pauseMillis;
        this.step = step;
    }

    @Override
    public synchronized void start() {
        running = true;
        super.start();
    }

    @Override
    public void run() {
        while (running) {
            step.run();
            try {
                Thread.sleep(pauseMillis);
            } catch (InterruptedException e) {
                running = false;
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Ends the loop after the step under way. */
    public void shutdown() {
        running = false;
    }
}
