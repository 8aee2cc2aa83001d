package com.whatsappflowhub.whatsapp;

import java.net.URI;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.whatsappflowhub.whatsapp.graph.GraphApi;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * A local stand-in for Meta's Graph API that accepts every message (a new wamid each time) and remembers what it
 * was sent; {@link #start} points the application's client at it, {@link #stop} back where it was.
 */
public final class LocalGraphApi {

	private final WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));

	private final GraphApi client;

	private URI original;

	public LocalGraphApi(GraphApi client) {
		this.client = client;
		this.original = client.baseUrl();
	}

	public LocalGraphApi start() {
		server.start();
		original = client.baseUrl();
		client.pointAt(URI.create(server.baseUrl()));
		server.stubFor(post(urlPathMatching("/v23.0/.*/messages")).willReturn(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
					+ "\"messages\":[{\"id\":\"wamid.OUT{{randomValue length=24 type='ALPHANUMERIC'}}\"}]}")));
		return this;
	}

	public void stop() {
		client.pointAt(original);
		server.stop();
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
