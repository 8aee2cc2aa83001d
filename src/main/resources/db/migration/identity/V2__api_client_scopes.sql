-- What an API client may do (e.g. tasks:read, tasks:write); carried in its tokens' "scope" claim.
ALTER TABLE app_user ADD COLUMN scopes text[] NOT NULL DEFAULT '{}';
