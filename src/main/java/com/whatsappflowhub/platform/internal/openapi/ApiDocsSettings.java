package com.whatsappflowhub.platform.internal.openapi;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What the OpenAPI document says about the service itself. {@code servers} empty: the document names the server
 * that served it. {@code apiKeys}: declare the {@code apiKey} security scheme and offer it on every operation that
 * takes a bearer token (switched on by the API-key feature when it lands).
 */
@ConfigurationProperties("flowhub.api")
record ApiDocsSettings(@DefaultValue List<Server> servers, @DefaultValue("false") boolean apiKeys,
		@DefaultValue Contact contact, @DefaultValue Licence licence) {

	record Server(String url, @Nullable String description) {
	}

	record Contact(@DefaultValue("WhatsAppFlowHub API team") String name,
			@DefaultValue("api@whatsappflowhub.com") String email,
			@DefaultValue("https://whatsappflowhub.com/developers") String url) {
	}

	record Licence(@DefaultValue("Proprietary") String name,
			@DefaultValue("https://whatsappflowhub.com/terms") String url) {
	}
}
