package com.rapport.support.validation;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Pattern;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * An email address as a person types it: well formed, and without white space, control or invisible format
 * characters (a zero-width or byte-order mark inside an address passes {@link Email}'s IDN check, yet makes the
 * "same contact email" of the duplicate rule differ from what anyone can see).
 */
@Email
@Pattern(regexp = "[^\\p{Cc}\\p{Cf}\\p{Z}\\s]*", message = "must not contain spaces, control or invisible characters")
@Constraint(validatedBy = {})
@Documented
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD,
        ElementType.ANNOTATION_TYPE, ElementType.TYPE_USE})
@Retention(RetentionPolicy.RUNTIME)
public @interface PlainEmail {

    String message() default "must be a plain email address";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
