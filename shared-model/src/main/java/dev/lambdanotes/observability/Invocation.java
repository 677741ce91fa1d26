package dev.lambdanotes.observability;

import com.amazonaws.services.lambda.runtime.Context;

/**
 * What every log line of an invocation carries: the request id, and whether this invocation is
 * the instance's first (a cold start, or the first after a SnapStart restore). A Lambda instance
 * serves one invocation at a time, so one value per instance is enough.
 */
public final class Invocation {
    private static volatile String requestId;
    private static volatile boolean coldStart = true;
    private static volatile boolean started;
    private static volatile boolean priming;

    private Invocation() {
    }

    /** Marks the start of an invocation; call before anything logs. A primed request is no invocation of the instance. */
    public static void begin(Context context) {
        requestId = context == null ? null : context.getAwsRequestId();
        if (!priming) {
            coldStart = !started;
            started = true;
        }
    }

    /**
     * Runs the work as SnapStart priming: the synthetic requests it sends are not the instance's
     * invocations (the first real one is still its cold start), its log lines are marked
     * {@code "priming": true}, and it records no security event and no metric.
     */
    public static void whilePriming(Runnable work) {
        priming = true;
        try {
            work.run();
        } finally {
            priming = false;
        }
    }

    /** Whether the instance is priming itself before a snapshot rather than serving a request. */
    public static boolean priming() {
        return priming;
    }

    /** After a SnapStart restore the next invocation is again the first of its instance. */
    public static void restored() {
        started = false;
        coldStart = true;
    }

    public static String requestId() {
        return requestId;
    }

    public static boolean coldStart() {
        return coldStart;
    }
}
