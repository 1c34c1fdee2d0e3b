package com.rapport.localstack;

/**
 * Starts the local stack on free ports and a throw-away directory as the README's command does, prints how long it
 * took until every service was healthy, and stops it. Timed from outside, two variants side by side:
 *
 * <pre>farm-bench -n 4 --warmup 0 --timeout 900 --vs 'env RAPPORT_CDS=off java -cp ... StackStartup' -- java -cp ... StackStartup</pre>
 */
final class StackStartup {

    private StackStartup() {
    }

    public static void main(String[] args) {
        LocalStack stack = LocalStack.start(StackOptions.ephemeral(LocalStack.projectRoot()));
        System.out.printf("start-up: database, broker and the four services healthy %.1f s after launch%n",
                stack.startupMillis() / 1e3);
        long stopping = System.nanoTime();
        stack.close();
        System.out.printf("stopped in %.1f s%n", (System.nanoTime() - stopping) / 1e9);
        System.exit(0);
    }
}
