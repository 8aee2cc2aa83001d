package com.whatsappflowhub.whatsapp.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.whatsappflowhub.whatsapp.GraphApiContract;
import com.whatsappflowhub.whatsapp.MessageTemplate;
import com.whatsappflowhub.whatsapp.number.NumberSettings;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo sandbox answers {@code GET /{waba-id}/message_templates} as Meta's contract describes it, with approved
 * templates to offer and one in review that a number may not send, and only in demo mode.
 */
class GraphSandboxTemplatesTest {

	static final GraphApiContract contract = GraphApiContract.load();

	static GraphSandbox sandbox(String... arguments) {
		return new GraphSandbox(new DemoMode(new DefaultApplicationArguments(arguments), new MockEnvironment(),
				new NumberSettings("secret", "verify", "demo-phone-number-id", Duration.ofMinutes(1)), Clock.systemUTC()));
	}

	@Test
	void listsTheSandboxAccountsTemplatesInTheContractsShape() {
		JsonNode answer = JsonMapper.shared().valueToTree(sandbox("--demo").templates("v23.0", "demo-business-account-id"));
		assertThat(contract.validateTemplateList(answer)).isEmpty();
		List<String> approved = answer.path("data").valueStream()
			.filter(t -> MessageTemplate.APPROVED.equals(t.path("status").asString()))
			.map(t -> t.path("name").asString() + "/" + t.path("language").asString())
			.toList();
		assertThat(approved).containsExactly("hello_world/en_US", "request_update/en_US", "request_update/es");
		assertThat(answer.path("data").valueStream().map(t -> t.path("status").asString())).contains("PENDING");
	}

	@Test
	void theValidatorTakesTheContractsOwnExampleAndRefusesAnotherShape() {
		assertThat(contract.validateTemplateList(contract.templateListExample())).isEmpty();
		assertThat(contract.validateTemplateList(JsonMapper.shared().valueToTree(
				Map.of("data", List.of(Map.of("name", "x", "status", 3)))))).isNotEmpty();
		assertThat(contract.validateTemplateList(JsonMapper.shared().valueToTree(Map.of("data", "nope")))).isNotEmpty();
	}

	@Test
	void outsideDemoModeThereIsNoSandbox() {
		assertThatThrownBy(() -> sandbox().templates("v23.0", "demo-business-account-id"))
			.isInstanceOf(com.whatsappflowhub.platform.NotFound.class);
	}
}
