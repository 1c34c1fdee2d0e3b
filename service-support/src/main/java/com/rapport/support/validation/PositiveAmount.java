package com.rapport.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A {@link com.rapport.events.money.Money} that must be more than zero: a request with a zero or negative amount is
 * invalid on its face (400), whatever state the resource it addresses is in. Null is left to {@code @NotNull}.
 */
@Documented
@Constraint(validatedBy = PositiveAmountValidator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
public @interface PositiveAmount {

    String message() default "must be a positive amount";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
