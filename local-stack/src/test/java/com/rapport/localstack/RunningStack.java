package com.rapport.localstack;

/**
 * The one stack every journey of this test JVM shares: started like the README starts it (the same launcher, the
 * same executable jars), on free ports and a throw-away data directory, and stopped when the JVM exits.
 */
final class RunningStack {

    private static LocalStack stack;

    private RunningStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = LocalStack.start(StackOptions.ephemeral(LocalStack.projectRoot()));
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stack-stop"));
        }
        return stack;
    }
}
