-- When the assignee was reminded of an approaching deadline, and when an overdue task was escalated.
ALTER TABLE task ADD COLUMN reminded_at timestamptz;
ALTER TABLE task ADD COLUMN escalated_at timestamptz;
CREATE INDEX task_open_deadline_idx ON task (deadline) WHERE status IN ('OPEN', 'IN_PROGRESS', 'BLOCKED');
