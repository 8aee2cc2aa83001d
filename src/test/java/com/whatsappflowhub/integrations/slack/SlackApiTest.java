package com.whatsappflowhub.integrations.slack;

import java.util.List;
import java.util.Map;

import com.whatsappflowhub.integrations.ConnectorFailure;
import com.whatsappflowhub.integrations.VendorHttp;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** What Slack's answers mean for a retry. */
class SlackApiTest {

	static final JsonMapper JSON = JsonMapper.shared();

	@Test
	void okFalseIsPermanentWithSlacksCode() {
		ConnectorFailure failure = fail(200, Map.of(), "{\"ok\": false, \"error\": \"channel_not_found\"}");
		assertThat(failure.permanent()).isTrue();
		assertThat(failure.getMessage()).isEqualTo("Slack chat.postMessage refused: channel_not_found");
		assertThat(fail(200, Map.of(), "{\"ok\": false, \"error\": \"invalid_auth\"}").permanent()).isTrue();
		assertThat(fail(200, Map.of(), "{\"ok\": false, \"error\": \"not_in_channel\"}").permanent()).isTrue();
		ConnectorFailure blocks = fail(200, Map.of(), """
				{"ok": false, "error": "invalid_blocks", "response_metadata": {"messages": ["[ERROR] must be less than 151 characters [json-pointer:/blocks/0/text]"]}}""");
		assertThat(blocks.permanent()).isTrue();
		assertThat(blocks.getMessage()).contains("invalid_blocks").contains("less than 151 characters");
		assertThat(fail(200, Map.of(), "{\"ok\": false, \"error\": \"missing_scope\", \"needed\": \"chat:write\", \"provided\": \"users:read\"}")
			.getMessage()).contains("needed: chat:write").contains("provided: users:read");
	}

	@Test
	void rateLimitsServerErrorsAndSlacksOwnTroublesAreTransient() {
		ConnectorFailure limited = fail(429, Map.of("Retry-After", List.of("7")), "{\"ok\": false, \"error\": \"ratelimited\"}");
		assertThat(limited.permanent()).isFalse();
		assertThat(limited.retryAfter()).hasSeconds(7);
		assertThat(limited.getMessage()).contains("429").contains("ratelimited");
		assertThat(fail(503, Map.of(), "").permanent()).isFalse();
		assertThat(fail(200, Map.of(), "{\"ok\": false, \"error\": \"internal_error\"}").permanent()).isFalse();
		assertThat(fail(200, Map.of(), "{\"ok\": false, \"error\": \"ratelimited\"}").permanent()).isFalse();
		assertThat(fail(200, Map.of(), "<html>proxy</html>").permanent()).isFalse();
		assertThat(fail(404, Map.of(), "").permanent()).isTrue();
	}

	private static ConnectorFailure fail(int status, Map<String, List<String>> headers, String body) {
		VendorHttp.Answer answer = new VendorHttp.Answer(status, headers,
				body.startsWith("{") ? JSON.readTree(body) : JSON.missingNode(), body);
		return catchThrowableOfType(ConnectorFailure.class, () -> SlackApi.answer("chat.postMessage", answer));
	}
}
