namespace Clinic.EventStore.Schema;

/// <summary>
/// The store's schema history. Append new migrations; never edit one that has shipped.
/// </summary>
internal static class Migrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "streams and events", """
            CREATE TABLE {schema}.streams (
                id          uuid        PRIMARY KEY,
                tenant_id   text        NOT NULL,
                type        text        NOT NULL,
                version     bigint      NOT NULL CHECK (version > 0),
                created_at  timestamptz NOT NULL DEFAULT now(),
                updated_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX streams_by_tenant_and_type ON {schema}.streams (tenant_id, type, id);

            CREATE TABLE {schema}.events (
                seq_id      bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                id          uuid        NOT NULL,
                stream_id   uuid        NOT NULL REFERENCES {schema}.streams (id),
                version     bigint      NOT NULL CHECK (version > 0),
                type        text        NOT NULL,
                data        jsonb       NOT NULL,
                metadata    jsonb       NOT NULL,
                tenant_id   text        NOT NULL,
                recorded_at timestamptz NOT NULL DEFAULT now(),
                tx_id       xid8        NOT NULL DEFAULT pg_current_xact_id(),
                CONSTRAINT events_stream_version_unique UNIQUE (stream_id, version)
            );
            CREATE INDEX events_in_commit_order ON {schema}.events (tx_id, seq_id);

            -- Events are never edited or removed: a correction is a new event.
            CREATE FUNCTION {schema}.refuse_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
                RAISE EXCEPTION 'events are immutable: % on % refused', TG_OP, TG_TABLE_NAME
                    USING ERRCODE = 'insufficient_privilege';
            END $$;
            CREATE TRIGGER events_are_immutable BEFORE UPDATE OR DELETE OR TRUNCATE ON {schema}.events
                FOR EACH STATEMENT EXECUTE FUNCTION {schema}.refuse_event_change();
            """),

        new(2, "append with expected version", """
            -- Appends events to one stream if it is at the expected version (-1: must be new),
            -- otherwise raises SQLSTATE ES409 and nothing of the transaction should be kept.
            CREATE FUNCTION {schema}.append_to_stream(
                p_stream uuid, p_tenant text, p_stream_type text, p_expected bigint,
                p_ids uuid[], p_types text[], p_data jsonb[], p_metadata jsonb[])
            RETURNS TABLE (id uuid, seq_id bigint, version bigint, recorded_at timestamptz, tx_id xid8)
            LANGUAGE plpgsql AS $$
            #variable_conflict use_column
            DECLARE
                v_count bigint := cardinality(p_ids);
                v_actual bigint;
            BEGIN
                IF p_expected = -1 THEN
                    INSERT INTO {schema}.streams AS s (id, tenant_id, type, version)
                    VALUES (p_stream, p_tenant, p_stream_type, v_count)
                    ON CONFLICT ON CONSTRAINT streams_pkey DO NOTHING;
                    IF NOT FOUND THEN
                        RAISE EXCEPTION 'stream % already exists', p_stream USING ERRCODE = 'ES409';
                    END IF;
                    p_expected := 0;
                ELSE
                    UPDATE {schema}.streams AS s SET version = p_expected + v_count, updated_at = now()
                    WHERE s.id = p_stream AND s.tenant_id = p_tenant AND s.version = p_expected;
                    IF NOT FOUND THEN
                        SELECT s.version INTO v_actual FROM {schema}.streams AS s
                        WHERE s.id = p_stream AND s.tenant_id = p_tenant;
                        RAISE EXCEPTION 'stream % is at version %', p_stream, coalesce(v_actual::text, 'none (it does not exist)')
                            USING ERRCODE = 'ES409';
                    END IF;
                END IF;

                RETURN QUERY
                WITH inserted AS (
                    INSERT INTO {schema}.events AS e (id, stream_id, version, type, data, metadata, tenant_id)
                    SELECT u.id, p_stream, p_expected + u.n, u.type, u.data, u.metadata, p_tenant
                    FROM unnest(p_ids, p_types, p_data, p_metadata) WITH ORDINALITY AS u (id, type, data, metadata, n)
                    RETURNING e.id, e.seq_id, e.version, e.recorded_at, e.tx_id)
                SELECT * FROM inserted;
            END $$;
            """),

        new(3, "projection progress", """
            CREATE TABLE {schema}.projection_progress (
                name                 text        PRIMARY KEY,
                last_tx_id           xid8        NOT NULL DEFAULT '0',
                last_seq_id          bigint      NOT NULL DEFAULT 0,
                rebuild_requested_at timestamptz,
                updated_at           timestamptz NOT NULL DEFAULT now()
            );
            """),

        new(4, "appends are plain statements over arrays", """
            -- The store appends with set-based INSERT and UPDATE statements (see AppendStatements) instead.
            DROP FUNCTION {schema}.append_to_stream(uuid, text, text, bigint, uuid[], text[], jsonb[], jsonb[]);
            """),
    ];
}
