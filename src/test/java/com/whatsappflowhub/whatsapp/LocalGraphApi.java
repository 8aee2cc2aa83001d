package com.whatsappflowhub.whatsapp;

import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * The shared local stand-in for Meta's Graph API ({@link SharedGraphServer}, where the application's base URL points),
 * set to accept every message (a new wamid each time) and remember what it was sent.
 */
public final class LocalGraphApi {

	private final WireMockServer server = SharedGraphServer.server();

	public LocalGraphApi start() {
		server.resetAll();
		server.stubFor(post(urlPathMatching("/v23.0/.*/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
					+ "\"messages\":[{\"id\":\"wamid.OUT{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")));
		return this;
	}

	public void stop() {
		server.resetAll();
	}

	/** The text messages sent so far, in order. */
	public List<JsonNode> sentTexts() {
		return server.findAll(postRequestedFor(urlPathMatching("/v23.0/.*/messages")))
			.stream()
			.map(LoggedRequest::getBodyAsString)
			.map(body -> JsonMapper.shared().readTree(body))
			.filter(body -> body.has("text"))
			.toList();
	}

	public List<JsonNode> sentTextsTo(String waId) {
		return sentTexts().stream().filter(body -> waId.equals(body.path("to").asString())).toList();
	}
}
