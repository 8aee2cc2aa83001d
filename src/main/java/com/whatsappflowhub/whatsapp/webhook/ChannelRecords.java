package com.whatsappflowhub.whatsapp.webhook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.whatsappflowhub.inbox.ContactData;
import com.whatsappflowhub.whatsapp.media.BlobStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The WhatsApp channel's part of a data subject request: the raw copies it keeps of what Meta delivered (the signed
 * deliveries that carried the contact's messages and our messages' statuses) and the media files downloaded for the
 * contact's messages. The export lists them (ids, times, which media files); the erasure replaces the deliveries'
 * bodies by a marker (the rows stay) and deletes the media files once the transaction has committed. A delivery that
 * batched other customers' items loses its raw copy too: the messages themselves are in the inbox. (A retried
 * delivery stores nothing new: the inbox still knows the messages' ids.)
 */
@Component
class ChannelRecords implements ContactData {

	private static final Logger log = LoggerFactory.getLogger(ChannelRecords.class);

	static final String ERASED = "{\"erased\":\"data subject request\"}";

	private final JdbcClient jdbc;

	private final BlobStore blobs;

	ChannelRecords(JdbcClient jdbc, BlobStore blobs) {
		this.jdbc = jdbc;
		this.blobs = blobs;
	}

	@Override
	public String section() {
		return "whatsapp";
	}

	/**
	 * The signed deliveries that carried the subject's messages or the statuses of ours to them: stored at the moment
	 * the inbox recorded those (the same transaction), so found by time (a window of two seconds either side), and,
	 * while a body is readable JSON, only when it names the subject's number. A delivery that batched other
	 * customers' items is one of them too.
	 */
	private static final String DELIVERIES = """
			SELECT d.id FROM whatsapp_delivery d
			WHERE EXISTS (SELECT 1 FROM unnest(CAST(:times AS timestamptz[])) t
			              WHERE d.received_at BETWEEN t - interval '2 seconds' AND t + interval '2 seconds')
			  AND (position(convert_to(:waId, 'UTF8') IN d.body) > 0 OR get_byte(d.body, 0) <> 123)
			  AND d.body <> convert_to(:erased, 'UTF8')""";

	@Override
	public Object export(Subject subject) {
		Map<String, Object> channel = new LinkedHashMap<>();
		channel.put("deliveries", jdbc.sql("SELECT id, received_at, new_items FROM whatsapp_delivery WHERE id IN ("
				+ DELIVERIES + ") ORDER BY received_at")
			.param("times", times(subject))
			.param("waId", subject.waId())
			.param("erased", ERASED)
			.query((rs, row) -> {
				Map<String, Object> delivery = new LinkedHashMap<>();
				delivery.put("id", rs.getObject("id", UUID.class));
				delivery.put("receivedAt", rs.getTimestamp("received_at").toInstant());
				delivery.put("newItems", rs.getInt("new_items"));
				return delivery;
			})
			.list());
		channel.put("mediaFiles", subject.mediaBlobKeys());
		return channel;
	}

	private static java.sql.Timestamp[] times(Subject subject) {
		return subject.recordedAt().stream().map(java.sql.Timestamp::from).toArray(java.sql.Timestamp[]::new);
	}

	@Override
	public int erase(Subject subject) {
		int changed = jdbc.sql("UPDATE whatsapp_delivery SET body = convert_to(:erased, 'UTF8') WHERE id IN (" + DELIVERIES + ")")
			.param("times", times(subject))
			.param("waId", subject.waId())
			.param("erased", ERASED)
			.update();
		changed += jdbc.sql("UPDATE whatsapp_media_download SET last_error = NULL WHERE message_id = ANY (?)")
			.param(subject.messages().stream().map(m -> m.value()).toArray(UUID[]::new))
			.update();
		List<String> files = List.copyOf(subject.mediaBlobKeys());
		if (!files.isEmpty()) {
			Runnable delete = () -> files.forEach(key -> {
				try {
					blobs.delete(key);
				}
				catch (RuntimeException ex) {
					log.warn("Could not delete an erased contact's media file {}: {}", key, ex.getMessage());
				}
			});
			if (TransactionSynchronizationManager.isSynchronizationActive()) {
				TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
					@Override
					public void afterCommit() {
						delete.run();
					}
				});
			}
			else {
				delete.run();
			}
		}
		return changed + files.size();
	}
}
