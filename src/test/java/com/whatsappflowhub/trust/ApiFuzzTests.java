package com.whatsappflowhub.trust;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import com.whatsappflowhub.Api;
import com.whatsappflowhub.Api.TenantFixture;
import com.whatsappflowhub.IntegrationTest;
import com.whatsappflowhub.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.util.UriUtils;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of the OpenAPI document, called with odd ids, query values and bodies (seeded): every answer is
 * below 500, and every error is a problem document.
 */
@IntegrationTest
class ApiFuzzTests {

	static final List<String> ODD = List.of("x", "00000000-0000-0000-0000-000000000000", "-1", "0", "99999999999999999999",
			"a\u0000b", "' OR 1=1 --", "%", "😀", "\u202E", "null", "true", "[]", "{}", "x".repeat(5000), " ", "1e309",
			"2026-13-45T99:99:99Z", "../../etc/passwd", "<script>");

	static final List<String> BODIES = List.of("{", "[]", "null", "\"text\"", "{\"name\":\"a\u0000b\"}",
			"{\"name\":" + "[".repeat(2000) + "]".repeat(2000) + "}", "{\"limit\":-1,\"name\":123,\"roles\":\"USER\"}",
			"{\"email\":\"\",\"password\":\"" + "p".repeat(300) + "\"}", "{\"condition\":\"" + "(".repeat(500) + "\"}",
			"{\"actions\":[{\"type\":null}],\"name\":\"\\u0000\"}", "{\"order\":[\"x\",\"y\"]}", "{\"settings\":{\"pipeline\":{\"autoThreshold\":\"high\"}}}");

	@Autowired
	Api api;

	@Test
	void everyOperationAnswersOddInputBelow500WithAProblemDocument() {
		TenantFixture tenant = api.newTenant();
		String admin = tenant.token(Role.TENANT_ADMIN);
		JsonNode paths = api.read(api.mvc().get().uri("/v3/api-docs").exchange()).path("paths");
		Random random = new Random(7);
		Map<String, Integer> statuses = new TreeMap<>();
		int calls = 0;
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				HttpMethod method = HttpMethod.valueOf(operation.getKey().toUpperCase());
				for (int round = 0; round < 6; round++) {
					String uri = path.getKey().replaceAll("\\{[^}]+}", encode(ODD.get(random.nextInt(ODD.size()))));
					StringBuilder query = new StringBuilder();
					for (JsonNode parameter : operation.getValue().path("parameters")) {
						if ("query".equals(parameter.path("in").asString()) && random.nextBoolean()) {
							query.append(query.isEmpty() ? "?" : "&").append(parameter.path("name").asString()).append('=')
								.append(encode(ODD.get(random.nextInt(ODD.size()))));
						}
					}
					var request = api.mvc().method(method).uri(java.net.URI.create(uri + query)).header("Authorization", "Bearer " + admin).with(r -> {
						r.setRemoteAddr("10.99.0.1"); // its failed sign-ins count against an address of its own
						return r;
					});
					if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
						request = request.contentType(MediaType.APPLICATION_JSON).content(BODIES.get(random.nextInt(BODIES.size())));
					}
					MvcTestResult result = request.exchange();
					calls++;
					int status = result.getResponse().getStatus();
					statuses.merge(operation.getKey().toUpperCase() + " " + (status / 100) + "xx", 1, Integer::sum);
					String type = result.getResponse().getContentType();
					if (status >= 500 || (status >= 400 && (type == null || !type.startsWith("application/problem+json")))) {
						failures.add(method + " " + uri + query + " -> " + status + " " + type);
					}
				}
			}
		}
		System.out.println("API fuzz (" + calls + " calls, seed 7): " + statuses);
		assertThat(calls).isGreaterThan(200);
		assertThat(failures).isEmpty();
	}

	private static String encode(String value) {
		return UriUtils.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}
}
