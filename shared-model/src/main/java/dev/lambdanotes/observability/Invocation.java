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

    private Invocation() {
    }

    /** Marks the start of an invocation; call before anything logs. */
    public static void begin(Context context) {
        coldStart = !started;
        started = true;
        requestId = context == null ? null : context.getAwsRequestId();
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
