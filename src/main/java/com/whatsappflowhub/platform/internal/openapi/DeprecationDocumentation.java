package com.whatsappflowhub.platform.internal.openapi;

import java.time.LocalDate;

import com.whatsappflowhub.platform.ApiDeprecation;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.method.HandlerMethod;

/** An {@link ApiDeprecation} operation is {@code deprecated}, says its dates, and declares the headers it answers with. */
class DeprecationDocumentation implements OperationCustomizer {

	static final String SUNSET = "x-sunset";

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ApiDeprecation deprecation = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), ApiDeprecation.class);
		if (deprecation == null) {
			deprecation = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), ApiDeprecation.class);
		}
		if (deprecation == null) {
			return operation;
		}
		LocalDate.parse(deprecation.since()); // a wrong date fails the document, not a client
		LocalDate.parse(deprecation.sunset());
		operation.setDeprecated(true);
		operation.addExtension(SUNSET, deprecation.sunset());
		String note = "**Deprecated** since " + deprecation.since() + "; it may stop answering after "
				+ deprecation.sunset() + (deprecation.link().isEmpty() ? "." : " (see " + deprecation.link() + ").");
		operation.setDescription(operation.getDescription() == null ? note : note + "\n\n" + operation.getDescription());
		if (operation.getResponses() != null) {
			operation.getResponses().values().forEach(response -> response
				.addHeaderObject("Deprecation", new Header().description("`@` and the epoch second it was deprecated (RFC 9745)")
					.schema(new StringSchema()))
				.addHeaderObject("Sunset", new Header().description("The HTTP date after which it may stop answering (RFC 8594)")
					.schema(new StringSchema())));
		}
		return operation;
	}
}
