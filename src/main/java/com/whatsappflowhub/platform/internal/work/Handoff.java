package com.whatsappflowhub.platform.internal.work;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Work recorded on this replica, handed to this replica's workers in memory after its transaction commits, so that
 * the pipeline's hot path needs no claim query: the item is written already leased (the publisher's transaction
 * claims it for this replica), and the worker that takes it here completes it as if it had claimed it. The row stays
 * the truth: if this replica dies, or the item waits here longer than half its lease, nobody here works it and the
 * lease ends as for any claim, after which any replica's claim finds it.
 *
 * <p>Bounded per stage or connector: a publisher reserves a place before it writes the item leased, and when every
 * place is taken the item is written due instead (and claimed from the table as before), so a growing backlog never
 * piles up on the heap.
 */
@Component
class Handoff {

	/** An item recorded here and leased to this replica; {@code since} is {@link System#nanoTime()} at commit. */
	record Local(WorkItems.Claimed item, long since) {
	}

	private static final class Lane {

		final ArrayDeque<Local> queue = new ArrayDeque<>();

		final AtomicInteger places = new AtomicInteger();

		final int capacity;

		Lane(int capacity) {
			this.capacity = capacity;
		}
	}

	private final Map<String, Lane> lanes = new ConcurrentHashMap<>();

	private volatile boolean open;

	/** Workers run here: hand work to them (the dispatcher opens and closes it with its workers). */
	void open(List<Consumer> consumers) {
		consumers.forEach(consumer -> lanes.computeIfAbsent(consumer.name(), name -> new Lane(capacity(consumer))));
		open = true;
	}

	/** @return the items that were waiting here, for the caller to give back to the table */
	List<Local> close() {
		open = false;
		List<Local> left = new ArrayList<>();
		lanes.values().forEach(lane -> {
			synchronized (lane) {
				left.addAll(lane.queue);
				lane.queue.clear();
			}
			lane.places.set(0);
		});
		return left;
	}

	/** A place for one item of this consumer, or false: write it due, for any replica's claim. */
	boolean reserve(Consumer consumer) {
		Lane lane = open ? lanes.get(consumer.name()) : null;
		if (lane == null) {
			return false;
		}
		if (lane.places.incrementAndGet() > lane.capacity) {
			lane.places.decrementAndGet();
			return false;
		}
		return true;
	}

	/** The reservation was not used (the transaction rolled back, or the item was pending already). */
	void cancel(String consumer) {
		Lane lane = lanes.get(consumer);
		if (lane != null) {
			lane.places.updateAndGet(places -> Math.max(0, places - 1));
		}
	}

	/** How many more items this consumer's lane takes. */
	int room(String consumer) {
		Lane lane = open ? lanes.get(consumer) : null;
		return lane == null ? 0 : Math.max(0, lane.capacity - lane.places.get());
	}

	/** Items a worker here claimed from the table for this lane's workers (already leased to this replica). */
	void put(String consumer, List<WorkItems.Claimed> items) {
		Lane lane = lanes.get(consumer);
		if (lane != null && open) {
			lane.places.addAndGet(items.size());
			append(lane, items);
		}
	}

	/** After commit: the item (its place reserved) is this replica's to work. */
	void give(String consumer, WorkItems.Claimed item) {
		Lane lane = lanes.get(consumer);
		if (lane != null) {
			append(lane, List.of(item));
		}
	}

	private void append(Lane lane, List<WorkItems.Claimed> items) {
		if (!open) {
			return; // nobody works here any more, and the items' leases end by themselves
		}
		long now = System.nanoTime();
		synchronized (lane) {
			items.forEach(item -> lane.queue.add(new Local(item, now)));
		}
	}

	/**
	 * Up to {@code limit} items handed over here for this consumer, oldest first among those whose destination
	 * {@code open} accepts now (the others wait here for a free slot of theirs, in order).
	 */
	List<Local> take(String consumer, int limit, Predicate<@Nullable String> open) {
		Lane lane = lanes.get(consumer);
		if (lane == null) {
			return List.of();
		}
		List<Local> taken = new ArrayList<>(Math.min(limit, 16));
		synchronized (lane) {
			for (Iterator<Local> waiting = lane.queue.iterator(); waiting.hasNext() && taken.size() < limit;) {
				Local local = waiting.next();
				if (open.test(local.item().destination())) {
					waiting.remove();
					taken.add(local);
				}
			}
		}
		lane.places.addAndGet(-taken.size());
		return taken;
	}

	/** Enough for every worker's next few batches; past that the table holds the backlog. */
	private static int capacity(Consumer consumer) {
		return Math.max(32, Math.min(512, 4 * consumer.workers() * consumer.batchSize()));
	}
}
