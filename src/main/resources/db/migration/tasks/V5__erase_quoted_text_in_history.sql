-- A task's history is append-only for the application role. The one change allowed is a data subject's erasure
-- (issue 11): the text a task quoted from the customer's message, kept in its history's "title" and "description"
-- values, replaced by the task's current (erased) title and a marker. Only for tasks of the calling tenant (row-level
-- security applies inside), only those two values, and only for a task whose description already is the marker.
CREATE FUNCTION flowhub_erase_task_history(p_tasks uuid[], p_marker text)
    RETURNS integer
    LANGUAGE plpgsql VOLATILE SECURITY DEFINER
    SET search_path = public, pg_temp
AS $$
DECLARE
    v_changed integer;
BEGIN
    IF flowhub_current_tenant() IS NULL THEN
        RAISE EXCEPTION 'flowhub_erase_task_history runs in a tenant''s transaction';
    END IF;
    UPDATE task_history h SET changes = h.changes
        || CASE WHEN jsonb_exists(h.changes, 'description') AND h.changes ->> 'description' IS NOT NULL
                THEN jsonb_build_object('description', p_marker) ELSE '{}'::jsonb END
        || CASE WHEN jsonb_exists(h.changes, 'title') THEN jsonb_build_object('title', t.title) ELSE '{}'::jsonb END
      FROM task t
     WHERE t.id = h.task_id AND h.task_id = ANY (p_tasks)
       AND t.tenant_id = flowhub_current_tenant()
       AND (t.description IS NULL OR t.description = p_marker)
       AND (jsonb_exists(h.changes, 'description') OR jsonb_exists(h.changes, 'title'));
    GET DIAGNOSTICS v_changed = ROW_COUNT;
    RETURN v_changed;
END $$;
REVOKE ALL ON FUNCTION flowhub_erase_task_history(uuid[], text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION flowhub_erase_task_history(uuid[], text) TO ${app_role};
