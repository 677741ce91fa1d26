package dev.lambdanotes.local;

/** How an invocation ended: the function's response, its error, a crash of its process, or its timeout. */
record InvocationResult(Outcome outcome, byte[] payload, String detail) {

    enum Outcome { SUCCEEDED, FAILED, CRASHED, TIMED_OUT }

    static InvocationResult succeeded(byte[] response) {
        return new InvocationResult(Outcome.SUCCEEDED, response, null);
    }

    static InvocationResult failed(byte[] error) {
        return new InvocationResult(Outcome.FAILED, error, null);
    }

    static InvocationResult crashed(String detail) {
        return new InvocationResult(Outcome.CRASHED, new byte[0], detail);
    }

    static InvocationResult timedOut() {
        return new InvocationResult(Outcome.TIMED_OUT, new byte[0], "Task timed out");
    }
}
