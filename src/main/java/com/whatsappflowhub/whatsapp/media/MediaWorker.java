package com.whatsappflowhub.whatsapp.media;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.whatsappflowhub.inbox.Inbox;
import com.whatsappflowhub.inbox.MessageId;
import com.whatsappflowhub.platform.CrossTenant;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.whatsapp.graph.AccessToken;
import com.whatsappflowhub.whatsapp.graph.GraphApi;
import com.whatsappflowhub.whatsapp.graph.MediaDownload;
import com.whatsappflowhub.whatsapp.number.Numbers;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Downloads inbound media after the webhook's commit, with backoff, into the blob store. A download starts at once
 * when its message is committed; failed ones are retried at their {@code next_attempt_at}; a sweep over every tenant
 * (one audited cross-tenant query per interval) picks up whatever a restart or another replica left behind. Each
 * tenant's rows are claimed in that tenant's context with {@code FOR UPDATE SKIP LOCKED} and a lease, so one replica
 * works a row. A failed download marks the message's media PENDING or FAILED with the error; the message itself is
 * never touched otherwise.
 */
@Component
public class MediaWorker implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(MediaWorker.class);

	private static final Duration LEASE = Duration.ofMinutes(5);

	private static final int BATCH = 10;

	private final MediaJobs jobs;

	private final Numbers numbers;

	private final Inbox inbox;

	private final BlobStore blobs;

	private final GraphApi graph;

	private final CrossTenant crossTenant;

	private final MediaSettings settings;

	private final Clock clock;

	private final TransactionTemplate transactions;

	private final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	MediaWorker(MediaJobs jobs, Numbers numbers, Inbox inbox, BlobStore blobs, GraphApi graph, CrossTenant crossTenant,
			MediaSettings settings, Clock clock, PlatformTransactionManager transactionManager) {
		this.jobs = jobs;
		this.numbers = numbers;
		this.inbox = inbox;
		this.blobs = blobs;
		this.graph = graph;
		this.crossTenant = crossTenant;
		this.settings = settings;
		this.clock = clock;
		this.transactions = new TransactionTemplate(transactionManager);
		scheduler.setPoolSize(2);
		scheduler.setThreadNamePrefix("whatsapp-media-");
		scheduler.initialize();
	}

	@EventListener(ApplicationReadyEvent.class)
	void startSweeping() {
		scheduler.scheduleWithFixedDelay(this::sweep, settings.sweepInterval());
	}

	/** Works the tenant's due downloads once the current transaction commits. */
	public void wakeAfterCommit(TenantId tenant) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					wake(tenant, clock.instant());
				}
			});
		}
		else {
			wake(tenant, clock.instant());
		}
	}

	private void wake(TenantId tenant, Instant at) {
		scheduler.schedule(() -> drain(tenant), at);
	}

	void sweep() {
		try {
			List<TenantId> tenants = crossTenant.call("whatsapp-media-sweep", "media-worker",
					() -> jobs.tenantsWithDueJobs(clock.instant()));
			tenants.forEach(this::drain);
		}
		catch (RuntimeException ex) {
			log.warn("Media sweep failed; next sweep in {}", settings.sweepInterval(), ex);
		}
	}

	void drain(TenantId tenant) {
		TenantContext.runAs(tenant, () -> {
			for (int round = 0; round < 100; round++) {
				List<MediaJobs.Job> claimed = transactions.execute(status -> jobs.claim(clock.instant(), LEASE, BATCH));
				if (claimed == null || claimed.isEmpty()) {
					return;
				}
				claimed.forEach(job -> work(tenant, job));
			}
		});
	}

	private void work(TenantId tenant, MediaJobs.Job job) {
		MessageId message = new MessageId(job.messageId());
		MediaDownload result;
		try {
			Optional<AccessToken> token = transactions.execute(status -> numbers.accessToken(job.numberId()));
			result = token == null || token.isEmpty()
					? new MediaDownload.PermanentFailure("the number of this message is no longer registered", null, null)
					: graph.media().download(token.get(), job.mediaId());
		}
		catch (RuntimeException ex) {
			result = new MediaDownload.TransientFailure("download failed: " + ex.getClass().getSimpleName(), null);
		}
		Instant now = clock.instant();
		if (result instanceof MediaDownload.Downloaded downloaded) {
			String key = blobs.put(tenant, job.messageId().toString(), downloaded.bytes());
			transactions.executeWithoutResult(status -> {
				jobs.stored(job.messageId(), now);
				inbox.mediaStored(message, key, downloaded.bytes().length, downloaded.sha256Hex());
			});
			return;
		}
		int attempt = job.attempts() + 1;
		boolean permanent = result instanceof MediaDownload.PermanentFailure;
		boolean last = permanent || attempt >= settings.maxAttempts();
		String reason = result instanceof MediaDownload.TransientFailure transientFailure ? transientFailure.reason()
				: ((MediaDownload.PermanentFailure) result).reason();
		Instant next = now.plus(settings.backoffAfter(attempt));
		transactions.executeWithoutResult(status -> {
			jobs.failed(job.messageId(), reason, last, next, now);
			inbox.mediaFailed(message, "attempt " + attempt + ": " + reason, last);
		});
		if (!last) {
			wake(tenant, next);
		}
		else {
			log.warn("Media {} of message {} failed for good after {} attempts: {}", job.mediaId(), job.messageId(),
					attempt, reason);
		}
	}

	@Override
	public void destroy() {
		scheduler.shutdown();
	}
}
