package com.whatsappflowhub.whatsapp.graph;

import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Downloads inbound media: {@code GET /{version}/{media-id}} for the short-lived URL, {@code mime_type},
 * {@code sha256} and {@code file_size}, then {@code GET} that URL with the same bearer token, and checks the bytes.
 * One attempt per call: the caller retries {@link MediaDownload.TransientFailure}s with backoff, and a failed download
 * never touches the message it belongs to. The token is only ever sent to the Graph host and the configured media
 * hosts.
 */
public final class MediaDownloader {

	private final RestClient rest;

	private final String apiVersion;

	private final URI graphOrigin;

	private final List<String> trustedHosts;

	private final JsonMapper mapper;

	/**
	 * @param rest a client with the Graph base URL and the {@code User-Agent} set
	 * @param graphOrigin the Graph base URL; media URLs on its host are trusted too
	 * @param mediaHosts the hosts media URLs may point to (Meta's CDN, e.g. {@code lookaside.fbsbx.com}); only https
	 */
	public MediaDownloader(RestClient rest, URI graphOrigin, String apiVersion, List<String> mediaHosts,
			JsonMapper mapper) {
		this.rest = rest;
		this.graphOrigin = graphOrigin;
		this.apiVersion = apiVersion;
		List<String> hosts = new java.util.ArrayList<>();
		mediaHosts.forEach(h -> hosts.add(h.toLowerCase(Locale.ROOT)));
		hosts.add(graphOrigin.getHost().toLowerCase(Locale.ROOT));
		this.trustedHosts = List.copyOf(hosts);
		this.mapper = mapper;
	}

	public MediaDownload download(AccessToken token, String mediaId) {
		Answer lookup;
		try {
			lookup = rest.get()
				.uri("/{version}/{mediaId}", apiVersion, mediaId)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
				.exchange((request, response) -> new Answer(response.getStatusCode().value(),
						response.getBody().readAllBytes(), response.getHeaders().getContentType() == null ? null
								: response.getHeaders().getContentType().toString()),
						true);
		}
		catch (ResourceAccessException ex) {
			return new MediaDownload.TransientFailure("media lookup failed: " + ex.getClass().getSimpleName(), null);
		}
		if (!lookup.ok()) {
			return failure("media lookup", lookup, false);
		}
		JsonNode info;
		try {
			info = mapper.readTree(lookup.body());
		}
		catch (JacksonException ex) {
			return new MediaDownload.TransientFailure("media lookup answer is not JSON", lookup.status());
		}
		String url = text(info, "url");
		if (url == null) {
			return new MediaDownload.TransientFailure("media lookup answer has no url", lookup.status());
		}
		URI uri;
		try {
			uri = URI.create(url);
		}
		catch (IllegalArgumentException ex) {
			return new MediaDownload.PermanentFailure("media url is not a URI", null, null);
		}
		if (uri.getHost() == null || !trustedHosts.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
			return new MediaDownload.PermanentFailure("media url host " + uri.getHost() + " is not trusted", null,
					null);
		}
		if (!"https".equalsIgnoreCase(uri.getScheme()) && !sameOriginAsGraph(uri)) {
			return new MediaDownload.PermanentFailure("media url is not https", null, null);
		}
		Answer media;
		try {
			media = rest.get()
				.uri(uri)
				.header(HttpHeaders.AUTHORIZATION, "Bearer " + token.value())
				.exchange((request, response) -> new Answer(response.getStatusCode().value(),
						response.getBody().readAllBytes(), null), true);
		}
		catch (ResourceAccessException ex) {
			return new MediaDownload.TransientFailure("media download failed: " + ex.getClass().getSimpleName(), null);
		}
		if (!media.ok()) {
			return failure("media download", media, true);
		}
		return verified(mediaId, media.body(), info);
	}

	/** Plain http only where the Graph API itself is configured so (a local server in tests). */
	private boolean sameOriginAsGraph(URI uri) {
		return graphOrigin.getScheme().equalsIgnoreCase(uri.getScheme())
				&& graphOrigin.getHost().equalsIgnoreCase(uri.getHost()) && graphOrigin.getPort() == uri.getPort();
	}

	private MediaDownload verified(String mediaId, byte[] bytes, JsonNode info) {
		byte[] digest = sha256(bytes);
		String expected = text(info, "sha256");
		byte[] expectedDigest = expected == null ? null : decodeDigest(expected);
		if (expectedDigest != null && !MessageDigest.isEqual(digest, expectedDigest)) {
			return new MediaDownload.TransientFailure("sha256 of the downloaded bytes does not match", null);
		}
		String size = text(info, "file_size");
		if (size != null && !size.equals(String.valueOf(bytes.length))) {
			return new MediaDownload.TransientFailure(
					"downloaded " + bytes.length + " bytes, Meta announced " + size, null);
		}
		return new MediaDownload.Downloaded(mediaId, bytes, text(info, "mime_type"), HexFormat.of().formatHex(digest));
	}

	/**
	 * Server errors and rate limits pass; so may a 404 of the media URL itself (it expires after five minutes, the next
	 * attempt looks up a fresh one). Other client errors on the lookup do not.
	 */
	private MediaDownload failure(String step, Answer answer, boolean mediaUrl) {
		int status = answer.status();
		GraphErrors.GraphError error = GraphErrors.read(mapper, answer.body());
		if (status >= 500 || status == 429 || status == 408 || (error != null && GraphErrors.isRateLimit(error))
				|| (mediaUrl && (status == 404 || status == 410))) {
			return new MediaDownload.TransientFailure(step + " answered " + status, status);
		}
		return new MediaDownload.PermanentFailure(step + " answered " + status, status,
				error == null ? null : error.error());
	}

	/** Meta gives the hash as hex in the media lookup and as base64 in webhooks; {@code null} if neither. */
	static byte @Nullable [] decodeDigest(String value) {
		String trimmed = value.trim();
		if (trimmed.length() == 64 && trimmed.chars().allMatch(c -> Character.digit(c, 16) >= 0 && c < 128)) {
			return HexFormat.of().parseHex(trimmed.toLowerCase(Locale.ROOT));
		}
		try {
			byte[] decoded = Base64.getDecoder().decode(trimmed);
			return decoded.length == 32 ? decoded : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static byte[] sha256(byte[] bytes) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(bytes);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is mandatory in every Java platform", ex);
		}
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		return value.isValueNode() && !value.isNull() ? value.asString() : null;
	}

	private record Answer(int status, byte[] body, @Nullable String contentType) {
		boolean ok() {
			return status >= 200 && status < 300;
		}
	}
}
