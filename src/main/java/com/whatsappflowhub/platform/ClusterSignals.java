package com.whatsappflowhub.platform;

/**
 * Tells the other replicas that something they may hold in memory changed (a number's routing, a task an open
 * dashboard shows), through PostgreSQL's {@code NOTIFY}: sent when the surrounding transaction commits (never for one
 * that rolls back), heard by every replica listening, as a {@link ClusterSignal} application event on a thread of
 * the listener's own. Signals are hints, not work: one lost in a listener's reconnect is covered by each cache's own
 * expiry. With {@code flowhub.cluster.enabled=false} (one replica, the default) nothing is sent.
 */
public interface ClusterSignals {

	/**
	 * @param topic short and stable, e.g. {@code numbers} or {@code tasks}
	 * @param payload at most a few hundred characters (PostgreSQL caps a notification at 8000 bytes)
	 */
	void send(String topic, String payload);
}
