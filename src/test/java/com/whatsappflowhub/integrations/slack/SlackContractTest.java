package com.whatsappflowhub.integrations.slack;

import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.integrations.SyncTask;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.tasks.Deadline;
import com.whatsappflowhub.tasks.Priority;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskStatus;
import com.whatsappflowhub.tasks.TaskView;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The checks of Slack's contract catch what is wrong, and the cards and modals we make pass them. */
class SlackContractTest {

	static final JsonMapper JSON = JsonMapper.shared();

	static final String BEARER = "Bearer xoxb-123456789012-1234567890123-abcdefabcdefabcdefabcdef";

	static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

	final SlackContract contract = SlackContract.load();

	final SlackCard card = new SlackCard(JSON);

	@Test
	void refusesCallsOutsideTheWebApiDocument() {
		assertThat(contract.validateCall("chat.postMessage", Map.of("channel", "C0123ABCDE", "text", "hi"), FORM, BEARER))
			.isEmpty();
		assertThat(contract.validateCall("chat.postMessage", Map.of("text", "hi"), FORM, BEARER))
			.anyMatch(p -> p.contains("required argument channel"));
		assertThat(contract.validateCall("chat.postMessage", Map.of("channel", "C0123ABCDE"), FORM, BEARER))
			.anyMatch(p -> p.contains("one of text, blocks"));
		assertThat(contract.validateCall("chat.postMessage",
				Map.of("channel", "C0123ABCDE", "text", "hi", "unfurl_links", "no"), FORM, BEARER))
			.anyMatch(p -> p.contains("unfurl_links must be a boolean"));
		assertThat(contract.validateCall("chat.postMessage",
				Map.of("channel", "C0123ABCDE", "text", "hi", "markdown_text", "x"), FORM, BEARER))
			.anyMatch(p -> p.contains("markdown_text is not an argument"));
		assertThat(contract.validateCall("chat.update", Map.of("channel", "C0123ABCDE", "text", "hi"), FORM, BEARER))
			.anyMatch(p -> p.contains("required argument ts"));
		assertThat(contract.validateCall("chat.postMessage", Map.of("channel", "C0123ABCDE", "text", "hi"),
				"application/json", BEARER)).isNotEmpty();
		assertThat(contract.validateCall("chat.postMessage", Map.of("channel", "C0123ABCDE", "text", "hi"), FORM, "null"))
			.isNotEmpty();
		assertThat(contract.validateCall("chat.sendMessage", Map.of(), FORM, BEARER)).isNotEmpty();
		assertThat(contract.validateCall("views.open", Map.of("view", "{}"), FORM, BEARER))
			.anyMatch(p -> p.contains("required argument trigger_id"));
	}

	@Test
	void checksAnswersAgainstTheSuccessSchemas() {
		assertThat(contract.validateAnswer("auth.test", JSON.readTree("""
				{"ok": true, "url": "https://acme.slack.com/", "team": "Acme", "user": "flowhub",
				 "team_id": "T0123ABCD", "user_id": "U0123ABCD", "bot_id": "B0123ABCDE"}"""))).isEmpty();
		assertThat(contract.validateAnswer("auth.test", JSON.readTree("""
				{"ok": true, "url": "https://acme.slack.com/", "team": "Acme", "user": "flowhub", "user_id": "U0123ABCD"}""")))
			.isNotEmpty(); // no team_id
		assertThat(contract.validateAnswer("chat.postMessage", JSON.readTree("""
				{"ok": true, "channel": "C0123ABCDE", "ts": "1700000000.000100",
				 "message": {"type": "message", "text": "hi", "ts": "1700000000.000100"}}"""))).isEmpty();
		assertThat(contract.validateAnswer("chat.postMessage", JSON.readTree("""
				{"ok": true, "channel": "C0123ABCDE", "ts": "1700000000",
				 "message": {"type": "message", "text": "hi", "ts": "1700000000"}}"""))).isNotEmpty(); // not a ts
	}

	@Test
	void refusesBlocksSlackWouldCallInvalid() {
		assertThat(BlockKit.message("b", "[{\"type\": \"header\", \"text\": {\"type\": \"plain_text\", \"text\": \""
				+ "x".repeat(151) + "\"}}]")).isNotEmpty();
		assertThat(BlockKit.message("b", "[{\"type\": \"header\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"x\"}}]"))
			.isNotEmpty();
		assertThat(BlockKit.message("b", "[{\"type\": \"marquee\"}]")).isNotEmpty();
		assertThat(BlockKit.message("b", "[{\"type\": \"section\", \"text\": {\"type\": \"mrkdwn\", \"text\": \"\"}}]"))
			.isNotEmpty();
		assertThat(BlockKit.message("b", "[" + "{\"type\": \"divider\"},".repeat(50) + "{\"type\": \"divider\"}]"))
			.anyMatch(p -> p.contains("51 blocks"));
		String button = "{\"type\": \"button\", \"action_id\": \"a\", \"text\": {\"type\": \"plain_text\", \"text\": \"Go\"}}";
		assertThat(BlockKit.message("b", "[{\"type\": \"actions\", \"elements\": [" + button + "," + button + "]}]"))
			.anyMatch(p -> p.contains("unique"));
		assertThat(BlockKit.message("b", "[{\"type\": \"actions\", \"elements\": [" + button.replace("Go", "x".repeat(76))
				+ "]}]")).isNotEmpty();
		assertThat(BlockKit.message("b", "[{\"type\": \"actions\", \"elements\": [" + button.replace("}}", "}, \"style\": \"green\"}")
				+ "]}]")).isNotEmpty();
		assertThat(BlockKit.message("b", "not json")).isNotEmpty();
		assertThat(BlockKit.modal("v", "{\"type\": \"modal\", \"title\": {\"type\": \"plain_text\", \"text\": \""
				+ "x".repeat(25) + "\"}, \"blocks\": [{\"type\": \"divider\"}]}")).isNotEmpty();
	}

	@Test
	void cardsAndTheModalWeMakePassAndKeepSlacksLimits() {
		SyncTask open = task("Send the signed contract to Acme <!channel> & co", TaskStatus.OPEN,
				"<!here> " + "x".repeat(5000));
		ArrayNode blocks = card.blocks(open);
		assertThat(BlockKit.message("card", JSON.writeValueAsString(blocks))).isEmpty();
		// plain text is shown as it is; mrkdwn (the description, the fallback text) is escaped: no @here, no forged links
		assertThat(blocks.get(0).get("text").get("text").asString()).isEqualTo(open.task().title());
		assertThat(blocks.get(2).get("text").get("text").asString()).startsWith("&lt;!here&gt; x").hasSize(3000);
		assertThat(card.text(open)).contains("&lt;!channel&gt; &amp; co").doesNotContain("<!channel>");
		assertThat(actionIds(blocks)).containsExactly(SlackCard.VIEW, SlackCard.ACCEPT, SlackCard.REASSIGN);
		assertThat(blocks.get(1).toString()).contains("Urgent").contains("Maria Garcia")
			.contains("Fri 4 Dec 2026 (Europe/Madrid)");
		assertThat(blocks.get(3).toString()).contains("From *Acme Ltd* on WhatsApp").contains("AI confidence 87%");
		assertThat(contract.validateCall("chat.postMessage", Map.of("channel", "C0123ABCDE", "text", card.text(open),
				"blocks", JSON.writeValueAsString(blocks)), FORM, BEARER)).isEmpty();

		SyncTask longTitle = task("Title ".repeat(60), TaskStatus.IN_PROGRESS, null);
		ArrayNode longBlocks = card.blocks(longTitle);
		assertThat(BlockKit.message("card", JSON.writeValueAsString(longBlocks))).isEmpty();
		assertThat(longBlocks.get(0).get("text").get("text").asString()).hasSizeLessThanOrEqualTo(150).endsWith("…");

		ArrayNode done = card.blocks(task("Done already", TaskStatus.DONE, null));
		assertThat(BlockKit.message("card", JSON.writeValueAsString(done))).isEmpty();
		assertThat(actionIds(done)).containsExactly(SlackCard.VIEW);
		assertThat(done.toString()).contains("Done");

		ObjectNode modal = card.reassignModal("Send the contract", "{\"connection\": \"x\"}");
		Map<String, String> open2 = new LinkedHashMap<>();
		open2.put("trigger_id", "12345.98765.abcd");
		open2.put("view", JSON.writeValueAsString(modal));
		assertThat(contract.validateCall("views.open", open2, FORM, BEARER)).isEmpty();
	}

	private static List<String> actionIds(ArrayNode blocks) {
		List<String> ids = new java.util.ArrayList<>();
		for (JsonNode block : blocks) {
			block.path("elements").forEach(e -> {
				if (e.has("action_id")) {
					ids.add(e.get("action_id").asString());
				}
			});
		}
		return ids;
	}

	private static SyncTask task(String title, TaskStatus status, String description) {
		TaskView task = new TaskView(new TaskId(UUID.randomUUID()), new TenantId(UUID.randomUUID()), title, description,
				Priority.URGENT, status, false, null, null,
				new Deadline(Instant.parse("2026-12-04T22:59:00Z"), "day"), 0.87, List.of(), List.of(), Map.of(),
				UUID.randomUUID(), UUID.randomUUID(), null, "ai", Instant.now(), Instant.now(), null, null, 3);
		return new SyncTask(task, ZoneId.of("Europe/Madrid"), "https://flowhub.example.com/tasks/" + task.id(),
				new SyncTask.Source("Can you send it by Friday?", "Acme Ltd", Instant.parse("2026-12-01T19:00:00Z")),
				new SyncTask.Assignee(new UserId(UUID.randomUUID()), "Maria Garcia", "maria@example.com", null));
	}
}
