package com.rapport.events.money;

/** An amount or currency that is not acceptable money: too many fraction digits, unknown currency, not a number. */
public class InvalidMoneyException extends IllegalArgumentException {
    public InvalidMoneyException(String message) {
        super(message);
    }
}
