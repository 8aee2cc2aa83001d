package com.whatsappflowhub.integrations.jira;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.integrations.SyncTask;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract validators catch what is wrong, and what we write passes them. */
class JiraContractTest {

	static final JsonMapper JSON = JsonMapper.shared();

	final JiraContract contract = JiraContract.load();

	@Test
	void refusesAdfThatIsNotAdf() {
		assertThat(contract.validateAdf("x", JSON.readTree("""
				{"type": "doc", "version": 1, "content": [{"type": "paragraph", "content": [{"type": "text", "text": ""}]}]}""")))
			.isNotEmpty();
		assertThat(contract.validateAdf("x", JSON.readTree("""
				{"type": "doc", "version": 1, "content": [{"type": "marquee", "content": []}]}"""))).isNotEmpty();
		assertThat(contract.validateAdf("x", JSON.readTree("\"plain text\""))).isNotEmpty();
	}

	@Test
	void refusesARequestBodyOutsideItsOperationsSchema() {
		assertThat(contract.validateRequest("POST", "/rest/api/3/search/jql",
				JSON.readTree("{\"jql\": \"labels = flowhub\", \"startAt\": 0}"))).isNotEmpty(); // the old search's field
		assertThat(contract.validateRequest("POST", "/rest/api/3/search/jql",
				JSON.readTree("{\"jql\": \"labels = flowhub\", \"maxResults\": 1, \"fields\": [\"status\"]}"))).isEmpty();
		assertThat(contract.validateRequest("POST", "/rest/api/3/issue/{issueIdOrKey}/transitions",
				JSON.readTree("{\"transition\": {\"id\": 31}}"))).isNotEmpty(); // the id is a string
		assertThat(contract.validateRequest("POST", "/rest/api/2/issue", JSON.readTree("{}"))).isNotEmpty();
	}

	@Test
	void descriptionsAndCommentsWeWriteAreValidAdf() {
		TaskView task = new TaskView(new TaskId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), "Send the contract",
				"Two copies.\n\nSigned by both.", Priority.HIGH, TaskStatus.OPEN, false, null, null, null, 0.9, List.of(),
				List.of(), Map.of(), UUID.randomUUID(), UUID.randomUUID(), null, "ai", Instant.now(), Instant.now(), null,
				null, 0);
		SyncTask sync = new SyncTask(task, ZoneId.of("Europe/Madrid"), "https://flowhub.example.com/tasks/" + task.id(),
				new SyncTask.Source("Hi!\nCan you send it by Friday?\n\n\nThanks", "Acme Ltd", Instant.now()), null);
		Adf adf = new Adf(JSON);
		assertThat(contract.validateAdf("description", adf.description(sync))).isEmpty();
		assertThat(contract.validateAdf("comment", adf.comment("Maria", "line one\nline two"))).isEmpty();
		assertThat(contract.validateAdf("comment", adf.comment("Maria", "   "))).isEmpty();
	}
}
