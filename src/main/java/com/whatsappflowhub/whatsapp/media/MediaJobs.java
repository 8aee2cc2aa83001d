package com.whatsappflowhub.whatsapp.media;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.platform.TenantId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table of media downloads still to do (row-level security: the current tenant's). */
@Repository
public class MediaJobs {

	private final JdbcClient jdbc;

	MediaJobs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Job(UUID messageId, UUID numberId, String mediaId, int attempts) {
	}

	/** A download to do for a message just stored (inside the webhook's transaction). */
	public void enqueue(TenantId tenant, MessageId message, UUID numberId, String mediaId, Instant now) {
		jdbc.sql("""
				INSERT INTO whatsapp_media_download (message_id, tenant_id, number_id, media_id, status, next_attempt_at,
				  created_at, updated_at) VALUES (?, ?, ?, ?, 'PENDING', ?, ?, ?) ON CONFLICT DO NOTHING""")
			.params(message.value(), tenant.value(), numberId, mediaId, Timestamp.from(now), Timestamp.from(now),
					Timestamp.from(now))
			.update();
	}

	/** Claims due downloads: a row locked by another replica is skipped, a claimed one is leased for a while. */
	List<Job> claim(Instant now, java.time.Duration lease, int limit) {
		List<Job> jobs = jdbc.sql("""
				SELECT message_id, number_id, media_id, attempts FROM whatsapp_media_download
				WHERE status = 'PENDING' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)
				ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED""")
			.params(Timestamp.from(now), Timestamp.from(now), limit)
			.query((rs, row) -> new Job(rs.getObject("message_id", UUID.class), rs.getObject("number_id", UUID.class),
					rs.getString("media_id"), rs.getInt("attempts")))
			.list();
		for (Job job : jobs) {
			jdbc.sql("UPDATE whatsapp_media_download SET locked_until = ? WHERE message_id = ?")
				.params(Timestamp.from(now.plus(lease)), job.messageId())
				.update();
		}
		return jobs;
	}

	void stored(UUID messageId, Instant now) {
		jdbc.sql("""
				UPDATE whatsapp_media_download SET status = 'STORED', attempts = attempts + 1, locked_until = NULL,
				       last_error = NULL, updated_at = ? WHERE message_id = ?""")
			.params(Timestamp.from(now), messageId)
			.update();
	}

	void failed(UUID messageId, String error, boolean finalFailure, Instant nextAttempt, Instant now) {
		jdbc.sql("""
				UPDATE whatsapp_media_download SET status = ?, attempts = attempts + 1, locked_until = NULL, last_error = ?,
				       next_attempt_at = ?, updated_at = ? WHERE message_id = ?""")
			.params(finalFailure ? "FAILED" : "PENDING", error, Timestamp.from(nextAttempt), Timestamp.from(now), messageId)
			.update();
	}

	/** Tenants with downloads due (cross-tenant path only). */
	List<TenantId> tenantsWithDueJobs(Instant now) {
		return jdbc.sql("""
				SELECT DISTINCT tenant_id FROM whatsapp_media_download
				WHERE status = 'PENDING' AND next_attempt_at <= ? AND (locked_until IS NULL OR locked_until <= ?)""")
			.params(Timestamp.from(now), Timestamp.from(now))
			.query((rs, row) -> new TenantId(rs.getObject(1, UUID.class)))
			.list();
	}
}
