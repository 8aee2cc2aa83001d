package com.whatsappflowhub.inbox.store;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.whatsappflowhub.identity.UserId;
import com.whatsappflowhub.inbox.ConversationHistory;
import com.whatsappflowhub.inbox.ConversationId;
import com.whatsappflowhub.platform.TenantContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

@Component
class ConversationHistoryQuery implements ConversationHistory {

	private final JdbcClient jdbc;

	ConversationHistoryQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ConversationId> conversationWithStaff(UserId staff) {
		return jdbc.sql("""
				SELECT v.id FROM conversation v JOIN contact c ON c.id = v.contact_id
				WHERE c.tenant_id = ? AND c.staff_user_id = ? ORDER BY v.last_message_at DESC NULLS LAST LIMIT 1""")
			.params(TenantContext.require().value(), staff.value())
			.query((rs, row) -> new ConversationId(rs.getObject(1, UUID.class)))
			.optional();
	}

	@Override
	@Transactional(readOnly = true)
	public List<ClosingWindow> windowsClosing(Instant from, Instant to) {
		return jdbc.sql("""
				SELECT id, last_inbound_at + interval '24 hours' AS closes_at FROM conversation
				WHERE tenant_id = ? AND last_inbound_at > ? AND last_inbound_at <= ?""")
			.params(TenantContext.require().value(), Timestamp.from(from.minus(Duration.ofHours(24))),
					Timestamp.from(to.minus(Duration.ofHours(24))))
			.query((rs, row) -> new ClosingWindow(new ConversationId(rs.getObject("id", UUID.class)),
					rs.getTimestamp("closes_at").toInstant()))
			.list();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Line> before(ConversationId conversation, Instant before, int limit) {
		List<Line> newestFirst = jdbc.sql("""
				SELECT m.direction, m.sender_name, m.text, m.sent_at,
				       CASE WHEN m.direction = 'IN' THEN c.staff_user_id ELSE m.sent_by_user_id END AS staff
				FROM message m
				JOIN conversation v ON v.id = m.conversation_id
				JOIN contact c ON c.id = v.contact_id
				WHERE m.conversation_id = ? AND m.sent_at < ? AND m.text IS NOT NULL AND m.target_action IS NULL
				ORDER BY m.sent_at DESC LIMIT ?""")
			.params(conversation.value(), Timestamp.from(before), limit)
			.query((rs, row) -> {
				UUID staff = rs.getObject("staff", UUID.class);
				return new Line("IN".equals(rs.getString("direction")), rs.getString("sender_name"),
						staff == null ? null : new UserId(staff), rs.getString("text"),
						rs.getTimestamp("sent_at").toInstant());
			})
			.list();
		List<Line> oldestFirst = new ArrayList<>(newestFirst);
		Collections.reverse(oldestFirst);
		return oldestFirst;
	}
}
