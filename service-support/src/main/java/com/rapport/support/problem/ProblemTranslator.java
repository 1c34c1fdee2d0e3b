package com.rapport.support.problem;

/**
 * Turns a framework's own exception into the one a problem can be made of (for example Axon's
 * CommandExecutionException into its cause). Returns the same exception when it has nothing to say.
 */
@FunctionalInterface
public interface ProblemTranslator {

    Throwable translate(Throwable error);
}
