package com.whatsappflowhub.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

import com.whatsappflowhub.whatsapp.graph.AccessToken;
import com.whatsappflowhub.whatsapp.graph.MediaDownload;
import com.whatsappflowhub.whatsapp.graph.MediaDownloader;

/** Media download against a local Graph API: lookup, then the bytes with the same token, checked by sha256. */
class MediaDownloadContractTest {

	@RegisterExtension
	static WireMockExtension graph = WireMockExtension.newInstance().options(wireMockConfig().dynamicPort()).build();

	static final byte[] VOICE_NOTE = "OggS fake voice note bytes".getBytes(StandardCharsets.UTF_8);

	static final AccessToken TOKEN = new AccessToken("EAAB-media.token");

	static GraphApiContract contract;

	MediaDownloader downloader;

	@BeforeAll
	static void loadContract() {
		contract = GraphApiContract.load();
	}

	@BeforeEach
	void downloaderAgainstTheLocalGraph() {
		downloader = WhatsAppConfiguration.mediaDownloader(GraphClientContractTest.properties(graph.baseUrl()),
				JsonMapper.shared());
	}

	static String sha256(byte[] bytes, boolean base64) throws Exception {
		byte[] digest = MessageDigest.getInstance("SHA-256").digest(bytes);
		return base64 ? Base64.getEncoder().encodeToString(digest) : HexFormat.of().formatHex(digest);
	}

	void lookupAnswers(String mediaId, String sha256) {
		String answer = """
				{"messaging_product":"whatsapp","url":"%s/whatsapp_business/attachments/?mid=%s","mime_type":"audio/ogg",
				 "sha256":"%s","file_size":"%d","id":"%s"}"""
			.formatted(graph.baseUrl(), mediaId, sha256, VOICE_NOTE.length, mediaId);
		assertThat(contract.validateMediaUrlAnswer(JsonMapper.shared().readTree(answer))).isEmpty();
		graph.stubFor(get(urlEqualTo("/v23.0/" + mediaId)).withHeader("Authorization", equalTo("Bearer EAAB-media.token"))
			.willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(answer)));
	}

	@Test
	void downloadsAfterTwoServerErrorsWhenTheCallerRetries() throws Exception {
		lookupAnswers("MEDIA1", sha256(VOICE_NOTE, false));
		String bytes = "/whatsapp_business/attachments/";
		graph.stubFor(get(urlPathEqualTo(bytes)).inScenario("flaky").whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
		graph.stubFor(get(urlPathEqualTo(bytes)).inScenario("flaky").whenScenarioStateIs("second")
			.willReturn(aResponse().withStatus(500)).willSetStateTo("third"));
		graph.stubFor(get(urlPathEqualTo(bytes)).inScenario("flaky").whenScenarioStateIs("third")
			.withHeader("Authorization", equalTo("Bearer EAAB-media.token"))
			.willReturn(aResponse().withHeader("Content-Type", "audio/ogg").withBody(VOICE_NOTE)));

		// the caller's retry, as the inbox's media job will do it with its own backoff
		MediaDownload first = downloader.download(TOKEN, "MEDIA1");
		MediaDownload second = downloader.download(TOKEN, "MEDIA1");
		MediaDownload third = downloader.download(TOKEN, "MEDIA1");

		assertThat(first).isEqualTo(new MediaDownload.TransientFailure("media download answered 503", 503));
		assertThat(second).isEqualTo(new MediaDownload.TransientFailure("media download answered 500", 500));
		assertThat(third).isInstanceOf(MediaDownload.Downloaded.class);
		MediaDownload.Downloaded downloaded = (MediaDownload.Downloaded) third;
		assertThat(downloaded.bytes()).isEqualTo(VOICE_NOTE);
		assertThat(downloaded.mimeType()).isEqualTo("audio/ogg");
		assertThat(downloaded.sha256Hex()).isEqualTo(sha256(VOICE_NOTE, false));
		graph.verify(3, getRequestedFor(urlEqualTo("/v23.0/MEDIA1")));
		graph.verify(3, getRequestedFor(urlPathEqualTo(bytes)).withHeader("Authorization",
				equalTo("Bearer EAAB-media.token")));
	}

	@Test
	void acceptsTheBase64HashWebhooksCarry() throws Exception {
		lookupAnswers("MEDIA2", sha256(VOICE_NOTE, true));
		graph.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/")).willReturn(aResponse().withBody(VOICE_NOTE)));

		assertThat(downloader.download(TOKEN, "MEDIA2")).isInstanceOf(MediaDownload.Downloaded.class);
	}

	@Test
	void treatsBytesThatDoNotMatchTheHashAsTransient() throws Exception {
		lookupAnswers("MEDIA3", sha256("other bytes".getBytes(StandardCharsets.UTF_8), false));
		graph.stubFor(get(urlPathEqualTo("/whatsapp_business/attachments/")).willReturn(aResponse().withBody(VOICE_NOTE)));

		assertThat(downloader.download(TOKEN, "MEDIA3")).isInstanceOf(MediaDownload.TransientFailure.class);
	}

	@Test
	void treatsUnknownMediaAndARefusedTokenAsPermanent() {
		graph.stubFor(get(urlEqualTo("/v23.0/GONE")).willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Unsupported get request.\",\"type\":\"GraphMethodException\",\"code\":100,\"error_subcode\":33}}")));
		graph.stubFor(get(urlEqualTo("/v23.0/NOAUTH")).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"error\":{\"message\":\"Invalid OAuth access token.\",\"type\":\"OAuthException\",\"code\":190}}")));

		MediaDownload gone = downloader.download(TOKEN, "GONE");
		MediaDownload noAuth = downloader.download(TOKEN, "NOAUTH");

		assertThat(gone).isInstanceOf(MediaDownload.PermanentFailure.class);
		assertThat(((MediaDownload.PermanentFailure) gone).error().code()).isEqualTo(100);
		assertThat(noAuth).isInstanceOf(MediaDownload.PermanentFailure.class);
		assertThat(((MediaDownload.PermanentFailure) noAuth).httpStatus()).isEqualTo(401);
	}

	@Test
	void neverSendsTheTokenToAHostOutsideMetas() {
		graph.stubFor(get(urlEqualTo("/v23.0/ELSEWHERE")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody("{\"url\":\"https://attacker.example/steal\",\"mime_type\":\"image/jpeg\",\"id\":\"ELSEWHERE\"}")));

		MediaDownload result = downloader.download(TOKEN, "ELSEWHERE");

		assertThat(result).isInstanceOf(MediaDownload.PermanentFailure.class);
		assertThat(((MediaDownload.PermanentFailure) result).reason()).contains("attacker.example");
	}

	@Test
	void neverSendsTheTokenOverPlainHttpToMetasMediaHost() {
		graph.stubFor(get(urlEqualTo("/v23.0/PLAIN")).willReturn(aResponse()
			.withHeader("Content-Type", "application/json")
			.withBody("{\"url\":\"http://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1\",\"id\":\"PLAIN\"}")));

		MediaDownload result = downloader.download(TOKEN, "PLAIN");

		assertThat(result).isEqualTo(new MediaDownload.PermanentFailure("media url is not https", null, null));
	}

	@Test
	void treatsAnUnreachableGraphAsTransient() {
		MediaDownloader offline = WhatsAppConfiguration.mediaDownloader(
				GraphClientContractTest.properties("http://127.0.0.1:1"), JsonMapper.shared());

		assertThat(offline.download(TOKEN, "MEDIA1")).isInstanceOf(MediaDownload.TransientFailure.class);
	}
}
