-- A row in signing_key is trusted to verify every access token (its public_jwk): the application role may read
-- the keys but only the platform role (SigningKeys writes through CrossTenant) may add or retire one, so an SQL
-- injection through the application's connections cannot plant a key of its own and forge a SUPER_ADMIN token.
REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON signing_key FROM ${app_role};
GRANT INSERT, UPDATE ON signing_key TO ${platform_role};
