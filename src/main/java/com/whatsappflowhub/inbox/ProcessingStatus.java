package com.whatsappflowhub.inbox;

/** How far the pipeline got with an inbound message. */
public enum ProcessingStatus {

	/** Stored; waiting for analysis. */
	RECEIVED,

	/** Analysed; no task came of it (or not yet). */
	ANALYSED,

	/** At least one task (or suggestion) was made from it. */
	TASKS_CREATED,

	/** A stage gave up on it; the reason is kept, and the dead letter can be replayed. */
	FAILED
}
