package com.whatsappflowhub.whatsapp;

import com.github.tomakehurst.wiremock.WireMockServer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.HashMap;
import java.util.LinkedHashSet;
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

	@Bean
	DynamicPropertyRegistrar localGraphApiBaseUrl() {
		return registry -> registry.add("flowhub.whatsapp.base-url", () -> server().baseUrl());
	}
}
