package com.whatsappflowhub.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.json.JsonMapper;

/**
 * One local Graph API server for the whole test JVM: the shared application context's
 * {@code flowhub.whatsapp.base-url} points at it (configuration, as in production), and each test that talks to Meta
 * stubs it afresh ({@code resetAll()} first). Stubs are per phone number id where a test needs its own answers.
 */
@TestConfiguration(proxyBeanMethods = false)
public class SharedGraphServer {

	private static final WireMockServer SERVER = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

	public static synchronized WireMockServer server() {
		if (!SERVER.isRunning()) {
			SERVER.start();
			Runtime.getRuntime().addShutdownHook(new Thread(SERVER::stop, "graph-stand-in-stop"));
		}
		return SERVER;
	}

	private static final Map<String, Set<String>> ACCOUNTS = new HashMap<>();

	/**
	 * Makes the stand-in answer for a number the way Meta does for its owner (contract operations
	 * {@code getPhoneNumberById} and {@code getWhatsAppBusinessAccountPhoneNumbers}), for this token only: what number
	 * registration asks before it stores anything. Other ids and tokens stay unknown (404, as Graph answers them).
	 */
	public static synchronized void holds(String phoneNumberId, String businessAccountId, String accessToken) {
		WireMockServer graph = server();
		Set<String> numbers = ACCOUNTS.computeIfAbsent(businessAccountId + " " + accessToken, key -> new LinkedHashSet<>());
		numbers.add(phoneNumberId);
		graph.stubFor(get(urlPathEqualTo("/v23.0/" + phoneNumberId))
			.withHeader("Authorization", equalTo("Bearer " + accessToken))
			.willReturn(okJson(JsonMapper.shared().writeValueAsString(Map.of("id", phoneNumberId,
					"display_phone_number", "+1 555-555-5555", "verified_name", "Jaspers Market", "quality_rating",
					"GREEN")))));
		graph.stubFor(get(urlPathEqualTo("/v23.0/" + businessAccountId + "/phone_numbers"))
			.withHeader("Authorization", equalTo("Bearer " + accessToken))
			.willReturn(okJson(JsonMapper.shared().writeValueAsString(Map.of("data",
					numbers.stream().map(id -> Map.of("id", id, "display_phone_number", "+1 555-555-5555",
							"verified_name", "Jaspers Market", "quality_rating", "GREEN")).toList())))));
	}

	/**
	 * Makes the stand-in list these templates for the business account and token, as Meta's
	 * {@code GET /{waba-id}/message_templates} does (the contract's answer: {@code data} and {@code paging}).
	 */
	public static synchronized void templates(String businessAccountId, String accessToken,
			List<Map<String, Object>> templates) {
		server().stubFor(get(urlPathEqualTo("/v23.0/" + businessAccountId + "/message_templates"))
			.withHeader("Authorization", equalTo("Bearer " + accessToken))
			.willReturn(jsonAsIs(JsonMapper.shared().writeValueAsString(Map.of("data", templates, "paging",
					Map.of("cursors", Map.of("before", "MAZDZD", "after", "MjQZD")))))));
	}

	/**
	 * A JSON answer served as it is by a server with response templating on (a binary body is not templated): a
	 * message template's variables ({@code {{1}}}) would otherwise be read as Handlebars expressions.
	 */
	public static ResponseDefinitionBuilder jsonAsIs(String json) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBase64Body(java.util.Base64.getEncoder().encodeToString(json.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
	}

	/** A template as Meta lists it, with a body component. */
	public static Map<String, Object> template(String name, String language, String status, String body) {
		return Map.of("id", String.valueOf(Math.abs((name + language).hashCode())), "name", name, "language", language,
				"status", status, "category", "UTILITY", "components", List.of(Map.of("type", "BODY", "text", body)));
	}

	@Bean
	DynamicPropertyRegistrar localGraphApiBaseUrl() {
		return registry -> registry.add("flowhub.whatsapp.base-url", () -> server().baseUrl());
	}
}
