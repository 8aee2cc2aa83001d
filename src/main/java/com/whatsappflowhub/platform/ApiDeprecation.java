package com.whatsappflowhub.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Announces that an API operation (a handler method, or every operation of a controller) is going away. Its responses
 * then carry {@code Deprecation: @<since, epoch seconds>} (RFC 9745), {@code Sunset: <HTTP date>} (RFC 8594) and, with
 * a {@link #link()}, {@code Link: <...>; rel="deprecation"}; the OpenAPI document marks it {@code deprecated} and
 * names the dates. Dates are ISO days in UTC, e.g. {@code "2027-06-30"}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.METHOD, ElementType.TYPE })
public @interface ApiDeprecation {

	/** The day it was deprecated. */
	String since();

	/** The day after which it may stop answering. */
	String sunset();

	/** Where the replacement or the migration notes are; empty for none. */
	String link() default "";
}
