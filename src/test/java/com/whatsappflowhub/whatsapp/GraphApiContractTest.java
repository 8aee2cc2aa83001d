package com.whatsappflowhub.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The contract validator itself: it accepts what the spec shows and refuses what the spec forbids. */
class GraphApiContractTest {

	static GraphApiContract contract;

	@BeforeAll
	static void load() {
		contract = GraphApiContract.load();
	}

	JsonNode example(String name) {
		JsonNode example = contract.messageExamples().get(name);
		assertThat(example).as("spec example %s", name).isNotNull();
		return example;
	}

	@Test
	void acceptsTheSpecsOwnWellFormedExamples() {
		for (String name : new String[] { "Send Text Message", "Send Reply to Text Message", "Send Reply Button",
				"Send List Message", "Send Reply with Reaction Message", "Send Image Message by ID" }) {
			assertThat(contract.validateMessage(example(name))).as(name).isEmpty();
		}
	}

	@Test
	void refusesATemplateWhoseLanguageHasNoDeterministicPolicy() {
		// the spec's own template example omits language.policy, which its LanguageObject requires
		assertThat(contract.validateMessage(example("Send Message Template Text")))
			.anySatisfy(error -> assertThat(error.toString()).contains("policy"));
	}

	@Test
	void refusesAMessageWithoutRecipientType() {
		ObjectNode text = (ObjectNode) example("Send Text Message").deepCopy();
		text.remove("recipient_type");
		assertThat(contract.validateMessage(text)).anySatisfy(error -> assertThat(error.toString()).contains("recipient_type"));
	}

	@Test
	void refusesPropertiesTheTextMessageDoesNotDefine() {
		ObjectNode text = (ObjectNode) example("Send Text Message").deepCopy();
		text.put("biz_opaque_callback_data", "x");
		assertThat(contract.validateMessage(text)).isNotEmpty();
	}

	@Test
	void checksTemplateButtonsAsButtonComponents() {
		JsonNode template = JsonMapperHolder.read("""
				{"messaging_product":"whatsapp","recipient_type":"individual","to":"4915100000001","type":"template",
				 "template":{"name":"order_update","language":{"policy":"deterministic","code":"en_US"},
				  "components":[{"type":"button","sub_type":"quick_reply","index":"0","parameters":[{"type":"image"}]}]}}""");
		assertThat(contract.validateMessage(template)).isNotEmpty();
	}

	@Test
	void readsTheHeaderPatternsOfTheSpec() {
		assertThat(contract.headerPattern("UserAgent").matcher("WhatsAppFlowHub/0.1.0").matches()).isTrue();
		assertThat(contract.headerPattern("UserAgent").matcher("Java-http-client/17").matches()).isFalse();
		assertThat(contract.headerPattern("Authorization").matcher("Bearer EAAB.x-y_z").matches()).isTrue();
	}

	static final class JsonMapperHolder {

		static JsonNode read(String json) {
			return tools.jackson.databind.json.JsonMapper.shared().readTree(json);
		}
	}
}
