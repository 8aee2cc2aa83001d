package com.whatsappflowhub.integrations.hooks;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.List;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import org.jspecify.annotations.Nullable;

/**
 * The API's checks of an endpoint's {@code url} and {@code events}, as field constraints so that a refusal is a 400
 * validation problem naming the field. They ask the same rules the service enforces ({@link TargetPolicy},
 * {@link WebhookEventType}); nothing here decides on its own.
 */
final class WebhookFields {

	private WebhookFields() {
	}

	/** A URL the SSRF rules accept now. Null passes (a change that leaves the URL alone). */
	@Documented
	@Constraint(validatedBy = UrlRule.class)
	@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@interface AllowedUrl {

		String message() default "is not a URL webhooks may go to";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};
	}

	/** At least one event, each a known one. Null passes (a change that leaves the events alone). */
	@Documented
	@Constraint(validatedBy = EventsRule.class)
	@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.METHOD })
	@Retention(RetentionPolicy.RUNTIME)
	@interface KnownEvents {

		String message() default "must name known events";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};
	}

	static final class UrlRule implements ConstraintValidator<AllowedUrl, String> {

		private final TargetPolicy policy;

		UrlRule(TargetPolicy policy) {
			this.policy = policy;
		}

		@Override
		public boolean isValid(@Nullable String url, ConstraintValidatorContext context) {
			if (url == null) {
				return true;
			}
			try {
				policy.check(url);
				return true;
			}
			catch (RefusedTarget refused) {
				context.disableDefaultConstraintViolation();
				context.buildConstraintViolationWithTemplate(escaped(refused.reason())).addConstraintViolation();
				return false;
			}
		}
	}

	static final class EventsRule implements ConstraintValidator<KnownEvents, List<String>> {

		@Override
		public boolean isValid(@Nullable List<String> events, ConstraintValidatorContext context) {
			if (events == null) {
				return true;
			}
			String problem = events.isEmpty() ? "must name at least one event"
					: events.stream().anyMatch(name -> name == null || WebhookEventType.named(name.strip()).isEmpty())
							? "must name known events: " + String.join(", ", WebhookEndpointManagement.known()) : null;
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}
	}

	/** A message template reads {@code {...}} and {@code ${...}} as expressions; a reason is plain text. */
	private static String escaped(String text) {
		return text.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
	}
}
