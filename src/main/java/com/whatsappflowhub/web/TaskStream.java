package com.whatsappflowhub.web;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.whatsappflowhub.platform.ClusterSignal;
import com.whatsappflowhub.platform.ClusterSignals;
import com.whatsappflowhub.platform.TenantContext;
import com.whatsappflowhub.platform.TenantId;
import com.whatsappflowhub.tasks.TaskAssigned;
import com.whatsappflowhub.tasks.TaskCancelled;
import com.whatsappflowhub.tasks.TaskCompleted;
import com.whatsappflowhub.tasks.TaskCreated;
import com.whatsappflowhub.tasks.TaskId;
import com.whatsappflowhub.tasks.TaskManagement;
import com.whatsappflowhub.tasks.TaskUpdated;
import com.whatsappflowhub.tasks.TaskView;
import com.whatsappflowhub.tasks.Viewer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-sent events for open dashboard pages, one connection per page: when a task is created or changed
 * ({@code TaskCreated}, {@code TaskUpdated}, {@code TaskAssigned}, {@code TaskCompleted}, {@code TaskCancelled}), every
 * page of the same tenant whose viewer may see the task hears {@code task} with the task's id, and re-reads what it
 * shows through its own (visibility-checked) request.
 *
 * <p>The events are heard in-process and passed on after the publishing transaction commits; they are not durable
 * publications (an open page that misses one is no worse than a page opened a second later). A page whose
 * connection broke reconnects (the browser's {@code EventSource} does that) and re-reads.
 */
@Controller
class TaskStream {

	private static final Logger log = LoggerFactory.getLogger(TaskStream.class);

	static final Duration TIMEOUT = Duration.ofMinutes(30);

	private record Subscriber(TenantId tenant, Viewer viewer) {
	}

	private final Map<SseEmitter, Subscriber> subscribers = new ConcurrentHashMap<>();

	private final Viewers viewers;

	private final ClusterSignals cluster;

	private final TaskManagement tasks;

	/** The cluster signal: a task changed on another replica ({@code <tenant>:<task>:<kind>}). */
	static final String SIGNAL = "tasks";

	/** Pushes leave the publishing thread at once: a slow browser never holds up the pipeline. */
	private final ExecutorService pushes = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "dashboard-events");
		thread.setDaemon(true);
		return thread;
	});

	TaskStream(Viewers viewers, ClusterSignals cluster, TaskManagement tasks) {
		this.viewers = viewers;
		this.cluster = cluster;
		this.tasks = tasks;
	}

	/** A task changed on another replica: pages open here that may see it hear about it too. */
	@EventListener
	void on(ClusterSignal signal) {
		String[] parts = signal.payload().split(":", 3);
		if (!SIGNAL.equals(signal.topic()) || parts.length < 3) {
			return;
		}
		TenantId tenant;
		TaskId id;
		try {
			tenant = new TenantId(java.util.UUID.fromString(parts[0]));
			id = new TaskId(java.util.UUID.fromString(parts[1]));
		}
		catch (IllegalArgumentException malformed) {
			return;
		}
		if (subscribers.values().stream().noneMatch(s -> s.tenant().equals(tenant))) {
			return; // nobody here looks at that tenant
		}
		String kind = parts[2];
		pushes.execute(() -> TenantContext.callAs(tenant, () -> tasks.find(id)).ifPresent(task -> push(task, kind)));
	}

	/** Ends the open streams when the application starts to stop, so a graceful shutdown does not wait for them. */
	@EventListener(ContextClosedEvent.class)
	void close() {
		pushes.shutdownNow();
		subscribers.keySet().forEach(SseEmitter::complete);
	}

	@GetMapping(path = "/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter subscribe() throws IOException {
		DashboardUser me = DashboardModel.signedIn();
		if (me == null) {
			throw new AccessDeniedException("not signed in");
		}
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		subscribers.put(emitter, new Subscriber(me.tenantId(), viewers.of(me)));
		emitter.onCompletion(() -> subscribers.remove(emitter));
		emitter.onTimeout(() -> subscribers.remove(emitter));
		emitter.onError(error -> subscribers.remove(emitter));
		emitter.send(SseEmitter.event().name("ready").data("ok").reconnectTime(3_000));
		return emitter;
	}

	@EventListener
	void on(TaskCreated event) {
		afterCommit(event.task(), "created", Set.of());
	}

	@EventListener
	void on(TaskUpdated event) {
		afterCommit(event.task(), "updated", event.fields());
	}

	@EventListener
	void on(TaskAssigned event) {
		afterCommit(event.task(), "updated", Set.of("assignee"));
	}

	@EventListener
	void on(TaskCompleted event) {
		afterCommit(event.task(), "updated", Set.of("status"));
	}

	@EventListener
	void on(TaskCancelled event) {
		afterCommit(event.task(), "updated", Set.of("status"));
	}

	int subscribers() {
		return subscribers.size();
	}

	private void afterCommit(TaskView task, String kind, Set<String> fields) {
		cluster.send(SIGNAL, task.tenantId().value() + ":" + task.id().value() + ":" + kind);
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					pushes.execute(() -> push(task, kind));
				}
			});
		}
		else {
			pushes.execute(() -> push(task, kind));
		}
	}

	private void push(TaskView task, String kind) {
		String data = "{\"id\":\"" + task.id().value() + "\",\"kind\":\"" + kind + "\",\"status\":\"" + task.status()
				+ "\"}";
		subscribers.forEach((emitter, subscriber) -> {
			if (!subscriber.tenant().equals(task.tenantId()) || !subscriber.viewer().sees(task)) {
				return;
			}
			try {
				emitter.send(SseEmitter.event().name("task").data(data, MediaType.APPLICATION_JSON));
			}
			catch (IOException | IllegalStateException gone) {
				subscribers.remove(emitter);
				log.debug("Dropped a closed dashboard event stream", gone);
			}
		});
	}
}
