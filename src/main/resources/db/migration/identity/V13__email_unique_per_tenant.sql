-- An e-mail was unique across the platform, so creating a user answered 409 for an address another tenant uses:
-- one tenant's admin could learn who works for the others. Now it is unique within a tenant; sign-in finds the
-- account among a few tenants' by the password (Users.findCredentials).
DROP INDEX app_user_email_key;
CREATE UNIQUE INDEX app_user_tenant_email_key ON app_user (tenant_id, lower(email));
CREATE INDEX app_user_email_idx ON app_user (lower(email));
