package com.whatsappflowhub.integrations;

import java.util.Optional;

import tools.jackson.databind.node.ObjectNode;

/**
 * One tool a tenant can connect (Jira, Slack; Asana, Trello, ... follow as one class each). The engine around it
 * stores connections with sealed credentials, decides which tasks go where (the connection's CEL {@code filter},
 * routing rules' {@code push_to}), carries every call on the delivery engine (retries, breaker per connection, dead
 * letters), links the task to what was made of it, logs every call and suppresses the echo of our own changes. A
 * connector only speaks its vendor's API; it throws {@link ConnectorFailure} for what the far end refused.
 */
public interface Connector {

	/** Stable type name: {@code jira}, {@code slack}; the connection's {@code type} and the refs' key. */
	String type();

	/**
	 * Checks the configuration and credentials of a new or changed connection, without calling the vendor.
	 * @throws InvalidConnection naming the field
	 */
	void validate(ObjectNode config, ObjectNode credentials);

	/** Calls the vendor to see that the credentials work; returns what it says about us (stored as remote self). */
	ObjectNode test(Connection connection);

	/** Makes the far end's object for the task (an issue, a message). */
	Remote create(Connection connection, SyncTask task);

	/** Brings the far end's object up to date with the task as it is now (idempotent: the whole state, not a diff). */
	void update(Connection connection, SyncTask task, Remote remote);

	/** Adds a comment written on our side; most tools have somewhere to put one. */
	default void comment(Connection connection, SyncTask task, Remote remote, String author, String body) {
	}

	/**
	 * An object an earlier attempt made for the task whose answer was lost (a crash between the call and its
	 * record), so a retry adopts it instead of making a second one; empty when there is none or no way to look.
	 */
	default Optional<Remote> find(Connection connection, SyncTask task) {
		return Optional.empty();
	}
}
