-- Replies and reactions on WhatsApp look up the tasks made from the message they answer.
CREATE INDEX task_source_message_idx ON task (tenant_id, source_message_id) WHERE source_message_id IS NOT NULL;
