-- The cross-tenant branch of every tenant_isolation policy used to open on the setting app.cross_tenant alone,
-- which the application role can set itself (SET, set_config() inside any SELECT): one SQL injection would have
-- read every tenant. Now the setting counts only for a role the application role cannot become: the platform
-- role of CrossTenantAccess's own pool (a member of ${app_role}, never the other way round), or the migration
-- owner inside a SECURITY DEFINER function that sets app.cross_tenant in its own SET clause. The policies call
-- this function, so none of them changes.
CREATE OR REPLACE FUNCTION flowhub_cross_tenant() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT coalesce(current_setting('app.cross_tenant', true), '') = 'on'
       AND NOT pg_has_role('${app_role}', current_user, 'MEMBER')
$$;
