package com.rapport.localstack;

/** A process of the stack that {@link Supervisor} keeps running. */
interface SupervisedChild extends AutoCloseable {

    String name();

    /** Starts the process and returns once it is ready for work; throws if it is not. */
    void start() throws Exception;

    /** The process last started, or null. */
    ChildProcess process();

    /** Stops the process politely, then firmly. */
    @Override
    void close();
}
