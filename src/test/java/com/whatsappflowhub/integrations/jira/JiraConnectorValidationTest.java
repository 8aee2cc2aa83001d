package com.whatsappflowhub.integrations.jira;

import com.whatsappflowhub.integrations.InvalidConnection;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a Jira connection must have before it is stored; the site URL passes the SSRF rules. */
class JiraConnectorValidationTest {

	static final JsonMapper JSON = JsonMapper.shared();

	final JiraConnector jira = new JiraConnector(null, JSON, null, null,
			url -> url.contains("169.254.169.254") || url.startsWith("http:") ? "must use https to a public address" : null);

	@Test
	void refusesASiteTheRulesForbid() {
		assertThatThrownBy(() -> jira.validate(config("http://169.254.169.254/latest"), basic()))
			.isInstanceOf(InvalidConnection.class)
			.hasMessageContaining("config.baseUrl")
			.hasMessageContaining("public address");
	}

	@Test
	void normalisesAGoodOneAndDefaultsTheIssueType() {
		ObjectNode config = config("https://acme.atlassian.net/");
		jira.validate(config, basic());
		assertThat(config.get("baseUrl").asString()).isEqualTo("https://acme.atlassian.net");
		assertThat(config.get("issueType").asString()).isEqualTo("Task");
	}

	@Test
	void namesWhatIsMissingOrWrong() {
		ObjectNode noKey = config("https://acme.atlassian.net");
		noKey.put("projectKey", "ops");
		assertThatThrownBy(() -> jira.validate(noKey, basic())).hasMessageContaining("config.projectKey");
		assertThatThrownBy(() -> jira.validate(config("https://acme.atlassian.net"), JSON.createObjectNode()))
			.hasMessageContaining("credentials");
		ObjectNode shortSecret = basic().put("webhookSecret", "short");
		assertThatThrownBy(() -> jira.validate(config("https://acme.atlassian.net"), shortSecret))
			.hasMessageContaining("webhookSecret");
		ObjectNode badPriorities = config("https://acme.atlassian.net");
		badPriorities.putObject("priorityMap").put("someday", "Lowest");
		assertThatThrownBy(() -> jira.validate(badPriorities, basic())).hasMessageContaining("priorityMap");
	}

	private static ObjectNode config(String baseUrl) {
		ObjectNode config = JSON.createObjectNode();
		config.put("baseUrl", baseUrl);
		config.put("projectKey", "OPS");
		return config;
	}

	private static ObjectNode basic() {
		ObjectNode credentials = JSON.createObjectNode();
		credentials.put("email", "bot@acme.com");
		credentials.put("apiToken", "token");
		return credentials;
	}
}
