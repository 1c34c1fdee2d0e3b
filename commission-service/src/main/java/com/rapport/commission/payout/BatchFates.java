package com.rapport.commission.payout;

/** Settles whether a batch whose opening is in doubt ever opened. */
public interface BatchFates {

    /**
     * The batch's status, after making sure that a batch not opened by now never will be (it is then ABANDONED).
     * Throws when that cannot be known now (the command failed or timed out): the caller then keeps the claims.
     */
    BatchStatus settle(String batchId);
}
