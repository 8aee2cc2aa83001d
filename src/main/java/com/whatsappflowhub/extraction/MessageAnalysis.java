package com.whatsappflowhub.extraction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.identity.Directory;
import com.whatsappflowhub.identity.Role;
import com.whatsappflowhub.identity.StaffMember;
import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.platform.TenantContext;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analyses one stored message of the current tenant with the tenant's zone, locale and staff directory, and
 * publishes {@link MessageAnalyzed}. The same message always gives the same analysis, so a redelivered message
 * is harmless (the next step is idempotent too).
 */
@Service
public class MessageAnalysis {

	private final ExtractionEngine engine;

	private final Directory directory;

	private final ApplicationEventPublisher events;

	private final BusinessConventions conventions;

	private final Clock clock;

	private final Inbox inbox;

	private final JsonMapper json;

	MessageAnalysis(ExtractionEngine engine, Directory directory, ApplicationEventPublisher events,
			ExtractionSettings settings, Clock clock, Inbox inbox, JsonMapper json) {
		this.inbox = inbox;
		this.json = json;
		this.engine = engine;
		this.directory = directory;
		this.events = events;
		this.conventions = settings.conventions().toBusinessConventions();
		this.clock = clock;
	}

	/** A message to analyse: who sent it ({@code staffSender} when a member of staff did) and its chat. */
	public record Incoming(UUID messageId, @Nullable UUID conversationId, String text, Instant sentAt,
			@Nullable UserId staffSender, @Nullable String senderName, List<AnalysisRequest.ContextMessage> context,
			@Nullable Instant receivedAt) {

		public Incoming(UUID messageId, @Nullable UUID conversationId, String text, Instant sentAt,
				@Nullable UserId staffSender, @Nullable String senderName, List<AnalysisRequest.ContextMessage> context) {
			this(messageId, conversationId, text, sentAt, staffSender, senderName, context, null);
		}
	}

	/** Call it inside a transaction of the message's tenant, so the event is published with it. */
	public MessageAnalyzed analyse(Incoming message) {
		return analyse(message, directory.settings(), directory.staff());
	}

	/** A batch of one tenant's messages, reading the tenant's settings and staff once; in its transaction. */
	public List<MessageAnalyzed> analyseAll(List<Incoming> messages) {
		if (messages.isEmpty()) {
			return List.of();
		}
		Directory.TenantSettings tenant = directory.settings();
		List<StaffMember> staff = directory.staff();
		return messages.stream().map(message -> analyse(message, tenant, staff)).toList();
	}

	private MessageAnalyzed analyse(Incoming message, Directory.TenantSettings tenant, List<StaffMember> staff) {
		ZoneId zone = ZoneId.of(tenant.timezone());
		Optional<StaffMember> sender = message.staffSender() == null ? Optional.empty()
				: staff.stream().filter(m -> m.id().equals(message.staffSender())).findFirst();
		AnalysisRequest.Role role = sender.map(m -> m.roles().contains(Role.MANAGER) || m.roles().contains(Role.TENANT_ADMIN)
				? AnalysisRequest.Role.MANAGER : AnalysisRequest.Role.STAFF).orElse(AnalysisRequest.Role.CUSTOMER);
		String name = sender.map(StaffMember::name).orElse(message.senderName());
		AnalysisRequest request = new AnalysisRequest(message.text(), message.sentAt().atZone(zone), zone,
				Locale.forLanguageTag(tenant.locale()), name == null ? null : new AnalysisRequest.Sender(name, role),
				message.context(), staff.stream().map(StaffMember::name).toList());
		Analysis analysis = engine.analyse(request);
		MessageAnalyzed event = new MessageAnalyzed(UUID.randomUUID(), clock.instant(), TenantContext.require(),
				message.messageId(), message.conversationId(),
				new MessageAnalyzed.Origin(message.staffSender(), role, name), message.text(), analysis.language(),
				analysis.actionable(),
				analysis.tasks()
					.stream()
					.map(task -> new MessageAnalyzed.Task(task, assignee(task.assignee(), staff), dueAt(task.deadline())))
					.toList(),
				new MessageAnalyzed.ProcessingMetadata(analysis.confidence(), analysis.took(),
						analysis.engine() + "/" + analysis.engineVersion()),
				message.receivedAt());
		inbox.recordAnalysis(new MessageId(message.messageId()), analysis.language(), json.writeValueAsString(summary(analysis)));
		events.publishEvent(event);
		return event;
	}

	/** What is kept with the message: the analysis without the task details (those live with the tasks). */
	private static Map<String, Object> summary(Analysis analysis) {
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("actionable", analysis.actionable());
		summary.put("probability", analysis.confidence());
		summary.put("language", analysis.language());
		summary.put("languageConfidence", analysis.languageConfidence());
		summary.put("sentiment", Map.of("polarity", analysis.sentiment().polarity().name().toLowerCase(Locale.ROOT),
				"score", analysis.sentiment().score()));
		summary.put("entities", analysis.entities()
			.stream()
			.map(entity -> Map.of("type", entity.type().name().toLowerCase(Locale.ROOT), "text", entity.text(), "start",
					entity.span().start(), "end", entity.span().end()))
			.toList());
		summary.put("tasks", analysis.tasks().size());
		summary.put("engine", analysis.engine());
		summary.put("engineVersion", analysis.engineVersion());
		summary.put("tookMs", analysis.took().toNanos() / 1e6);
		return summary;
	}

	private static @Nullable UserId assignee(@Nullable String name, List<StaffMember> staff) {
		return name == null ? null
				: staff.stream().filter(m -> m.name().equalsIgnoreCase(name)).map(StaffMember::id).findFirst().orElse(null);
	}

	private @Nullable Instant dueAt(@Nullable Deadline deadline) {
		if (deadline == null) {
			return null;
		}
		if (deadline.isInterval()) {
			return deadline.to() == null ? null : deadline.to().toInstant();
		}
		ZonedDateTime value = deadline.value();
		if (value == null) {
			return null;
		}
		LocalTime endOfDay = conventions.endOfDay();
		return switch (deadline.grain()) {
			case DAY -> value.with(endOfDay).toInstant();
			case WEEK -> value.with(TemporalAdjusters.nextOrSame(conventions.endOfWeek())).with(endOfDay).toInstant();
			case MONTH, QUARTER, YEAR -> deadline.end().minusDays(1).with(endOfDay).toInstant();
			default -> value.toInstant();
		};
	}
}
