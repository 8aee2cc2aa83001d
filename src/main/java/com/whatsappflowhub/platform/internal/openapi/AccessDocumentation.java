package com.whatsappflowhub.platform.internal.openapi;

import java.util.ArrayList;

import io.swagger.v3.oas.models.Operation;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Says who may call each operation, read from its {@code @PreAuthorize} (on the method, else on the controller), so
 * the document cannot drift from the rule that is enforced. The expression is kept in {@code x-access}, the roles in
 * {@code x-roles} and the scopes in {@code x-scopes}; {@link StandardResponses} writes the sentence into the
 * description once it knows whether the operation takes a token at all.
 */
class AccessDocumentation implements OperationCustomizer {

	static final String ACCESS = "x-access";

	static final String ROLES = "x-roles";

	static final String SCOPES = "x-scopes";

	static final String ACCESS_TEXT = "x-access-text";

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		PreAuthorize rule = AnnotatedElementUtils.findMergedAnnotation(handler.getMethod(), PreAuthorize.class);
		if (rule == null) {
			rule = AnnotatedElementUtils.findMergedAnnotation(handler.getBeanType(), PreAuthorize.class);
		}
		if (rule == null) {
			return operation;
		}
		AccessExpression access = AccessExpression.of(rule.value());
		operation.addExtension(ACCESS, access.expression());
		operation.addExtension(ACCESS_TEXT, access.text());
		if (!access.roles().isEmpty()) {
			operation.addExtension(ROLES, new ArrayList<>(access.roles()));
		}
		if (!access.scopes().isEmpty()) {
			operation.addExtension(SCOPES, new ArrayList<>(access.scopes()));
		}
		return operation;
	}
}
