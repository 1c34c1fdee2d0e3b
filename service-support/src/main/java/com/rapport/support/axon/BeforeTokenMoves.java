package com.rapport.support.axon;

import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;

/**
 * Where a tracking processor's batch finishes work it held back (Kafka acknowledgements, database writes) so that the
 * token moves only after it: Axon registers the prepare-commit step that stores the token when the batch's last
 * message is handled, so the work runs in that last message's handler, or in a prepare-commit step registered before,
 * when the first piece of held work arrives on an earlier message.
 */
public final class BeforeTokenMoves {

    private BeforeTokenMoves() {
    }

    /**
     * Call after holding a piece of work in {@code batch}; {@code firstHeld} says whether it is the first held since the
     * last {@code finish}. {@code finish} must do everything held so far, and doing nothing when nothing is held.
     */
    public static void schedule(BatchingUnitOfWork<?> batch, boolean firstHeld, Runnable finish) {
        if (batch.isLastMessage()) {
            finish.run();
        } else if (firstHeld) {
            batch.onPrepareCommit(unitOfWork -> finish.run());
        }
    }
}
