package com.rapport.support.validation;

import com.rapport.events.money.Money;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

public class PositiveAmountValidator implements ConstraintValidator<PositiveAmount, Money> {

    @Override
    public boolean isValid(Money value, ConstraintValidatorContext context) {
        return value == null || value.isPositive();
    }
}
