package com.whatsappflowhub.extraction.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import com.whatsappflowhub.extraction.Analysis;
import com.whatsappflowhub.extraction.AnalysisRequest;
import com.whatsappflowhub.extraction.AnalysisRequest.ContextMessage;
import com.whatsappflowhub.extraction.AnalysisRequest.Role;
import com.whatsappflowhub.extraction.AnalysisRequest.Sender;
import com.whatsappflowhub.extraction.Entity;
import com.whatsappflowhub.extraction.ExtractedTask;
import com.whatsappflowhub.extraction.ExtractionEngine;
import com.whatsappflowhub.extraction.Priority;
import com.whatsappflowhub.extraction.Sentiment;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class EmbeddedEngineTests {

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZonedDateTime MONDAY_9 = ZonedDateTime.of(2026, 2, 16, 9, 0, 0, 0, LONDON);

	static final List<String> STAFF = List.of("Giulia Romano", "Chloe Bennett", "Sam Whitaker", "Marcus Hall",
			"Tomasz Nowak");

	final ExtractionEngine engine = ExtractionEngine.embedded();

	Analysis analyse(String text, Role role, String senderName, List<ContextMessage> context) {
		return engine.analyse(new AnalysisRequest(text, MONDAY_9, LONDON, Locale.UK, new Sender(senderName, role),
				context, STAFF));
	}

	Analysis fromManager(String text) {
		return analyse(text, Role.MANAGER, "Giulia Romano", List.of());
	}

	@Test
	void analysesABatchLikeOneMessageAtATime() {
		var requests = java.util.List.of(
				new AnalysisRequest("Jenna, send the April newsletter by Friday", MONDAY_9, LONDON, Locale.UK, null,
						java.util.List.of(), java.util.List.of("Jenna Park")),
				new AnalysisRequest("thanks, all good!", MONDAY_9, LONDON, Locale.UK, null, java.util.List.of(),
						java.util.List.of()),
				new AnalysisRequest("the walk-in freezer is at 12 degrees, someone check it right now", MONDAY_9, LONDON,
						Locale.UK, null, java.util.List.of(), java.util.List.of()));
		var batch = engine.analyseAll(requests);
		assertThat(batch).hasSize(3);
		for (int i = 0; i < requests.size(); i++) {
			var single = engine.analyse(requests.get(i));
			assertThat(batch.get(i).actionable()).isEqualTo(single.actionable());
			assertThat(batch.get(i).confidence()).isCloseTo(single.confidence(), org.assertj.core.data.Offset.offset(1e-3));
			assertThat(batch.get(i).tasks()).isEqualTo(single.tasks());
			assertThat(batch.get(i).dates()).isEqualTo(single.dates());
		}
	}

	@Test
	void splitsInstructionsToTwoPeopleIntoTwoAssignedTasks() {
		Analysis analysis = fromManager(
				"Chloe can u ring the fish supplier, the sea bass was not fresh. And Sam pls update the specials board before lunch service");
		assertThat(analysis.actionable()).isTrue();
		assertThat(analysis.tasks()).extracting(ExtractedTask::assignee).containsExactly("Chloe Bennett", "Sam Whitaker");
		ExtractedTask board = analysis.tasks().get(1);
		assertThat(board.title().toLowerCase(Locale.ROOT)).contains("specials board");
		assertThat(board.deadline()).isNotNull();
		assertThat(board.deadline().value()).isEqualTo(MONDAY_9.withHour(12));
		assertThat(board.priority()).isEqualTo(Priority.HIGH);
		assertThat(board.evidence()).containsKeys("action", "assignee", "deadline", "priority");
		assertThat(board.evidence().get("priority").text()).containsIgnoringCase("lunch");
	}

	@Test
	void givesOneTaskPerNamedPersonForASharedAction() {
		Analysis analysis = fromManager("Big booking tonight. Marcus and Tomasz pls come in at 5 instead of 6");
		assertThat(analysis.tasks()).extracting(ExtractedTask::assignee).containsExactly("Marcus Hall", "Tomasz Nowak");
		assertThat(analysis.tasks().get(0).deadline().value().getHour()).isEqualTo(17);
	}

	@Test
	void assignsAStaffCommitmentToTheSenderWithTheDeadlineOfTheRequest() {
		Analysis analysis = analyse("I can do it 👍", Role.STAFF, "Sam Whitaker",
				List.of(new ContextMessage(new Sender("Giulia Romano", Role.MANAGER),
						"Who can cover Tomasz's shift tomorrow?")));
		assertThat(analysis.actionable()).isTrue();
		assertThat(analysis.tasks()).hasSize(1);
		assertThat(analysis.tasks().get(0).assignee()).isEqualTo("Sam Whitaker");
		assertThat(analysis.tasks().get(0).deadline().value().toLocalDate()).hasToString("2026-02-17");
	}

	@Test
	void doesNotTurnThanksOrMarketingIntoTasks() {
		assertThat(analyse("Thanks so much, the cake was perfect 😍", Role.CUSTOMER, "Jenny", List.of()).tasks())
			.isEmpty();
		assertThat(analyse("🔥 Fall Sale! 15% off all filters through Oct 31. Reply STOP to unsubscribe",
				Role.CUSTOMER, "Promo", List.of()).actionable())
			.isFalse();
	}

	@Test
	void readsUrgencyAndNoRush() {
		assertThat(analyse("Water is pouring from the ceiling in my bathroom, PLEASE HELP", Role.CUSTOMER, "Kevin",
				List.of()).tasks())
			.extracting(ExtractedTask::priority)
			.containsExactly(Priority.URGENT);
		assertThat(analyse("can u send me a quote for replacing the unit. no rush, just planning for next yr",
				Role.CUSTOMER, "Ray", List.of()).tasks())
			.extracting(ExtractedTask::priority)
			.containsExactly(Priority.LOW);
	}

	@Test
	void detectsTheLanguageAndKeepsTitlesInIt() {
		Analysis spanish = analyse("Camila porfa ajusta las cantidades del evento a 45 pax", Role.MANAGER,
				"Valentina Ríos", List.of());
		assertThat(spanish.language()).isEqualTo("es");
		assertThat(fromManager("Aaj shaam tak stock ka order finalize karo").language()).isEqualTo("hi-Latn");
	}

	@Test
	void findsEntitiesAndSentiment() {
		Analysis analysis = analyse("We've been waiting 55 minutes for order #A2291. This is ridiculous!! Call me on +44 7700 900123",
				Role.CUSTOMER, "Nadia", List.of());
		assertThat(analysis.entities()).extracting(Entity::type).contains(Entity.Type.ORDER_NUMBER, Entity.Type.PHONE);
		assertThat(analysis.sentiment().polarity()).isEqualTo(Sentiment.Polarity.NEGATIVE);
		assertThat(analysis.tasks()).extracting(ExtractedTask::priority).containsExactly(Priority.HIGH);
	}

	@Test
	void doesNotGiveAQuoteTheDateOfTheOrderItPrices() {
		Analysis analysis = analyse("Good am, pls send quotation for 5,000 printed cake boxes. Need delivery before Mar 10",
				Role.CUSTOMER, "Rico Lim", List.of());
		assertThat(analysis.tasks()).hasSize(1);
		assertThat(analysis.tasks().get(0).deadline()).isNull();
		assertThat(analysis.dates()).isNotEmpty();
	}

	@Test
	void givesTheSameAnalysisForTheSameMessage() {
		String text = "@Chloe can you order 3 boxes of lemons by Thursday EOD";
		Analysis first = fromManager(text);
		Analysis second = fromManager(text);
		assertThat(second.tasks()).isEqualTo(first.tasks());
		assertThat(second.confidence()).isEqualTo(first.confidence());
		assertThat(second.engine()).isEqualTo("embedded");
		assertThat(first.confidence()).isBetween(0.0, 1.0);
	}
}
