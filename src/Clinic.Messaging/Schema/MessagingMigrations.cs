namespace Clinic.Messaging.Schema;

/// <summary>The messaging tables' history, beside the event store's in the same schema. Append; never edit.</summary>
internal static class MessagingMigrations
{
    public const string HistoryTable = "messaging_migrations";

    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "outbox, scheduled messages, inbox, dead letters", """
            -- Messages waiting for delivery: sent by a committed unit of work, now or at deliver_at.
            CREATE TABLE {schema}.messages (
                id           uuid        PRIMARY KEY,
                tenant_id    text        NOT NULL,
                type         text        NOT NULL,
                body         jsonb       NOT NULL,
                headers      jsonb       NOT NULL,
                deliver_at   timestamptz NOT NULL,
                schedule_key text,
                attempts     integer     NOT NULL DEFAULT 0,
                locked_until timestamptz,
                last_error   text,
                created_at   timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX messages_due ON {schema}.messages (deliver_at);
            CREATE UNIQUE INDEX messages_schedule_key ON {schema}.messages (tenant_id, schedule_key) WHERE schedule_key IS NOT NULL;

            -- Messages whose effect was applied: a second delivery of the same id is not applied again.
            CREATE TABLE {schema}.inbox (
                message_id uuid        PRIMARY KEY,
                handled_at timestamptz NOT NULL DEFAULT now()
            );

            -- Messages that failed every attempt, kept for inspection and replay.
            CREATE TABLE {schema}.dead_letters (
                id         uuid        PRIMARY KEY,
                tenant_id  text        NOT NULL,
                type       text        NOT NULL,
                body       jsonb       NOT NULL,
                headers    jsonb       NOT NULL,
                attempts   integer     NOT NULL,
                last_error text        NOT NULL,
                failed_at  timestamptz NOT NULL DEFAULT now()
            );
            CREATE INDEX dead_letters_by_tenant ON {schema}.dead_letters (tenant_id, failed_at);
            """),

        new(2, "idempotency keys", """
            -- The first reply to a command sent with an Idempotency-Key, per tenant, until it expires.
            CREATE TABLE {schema}.idempotency_keys (
                tenant_id    text        NOT NULL,
                key          text        NOT NULL,
                request_hash text        NOT NULL,
                status       integer     NOT NULL,
                location     text,
                body         text        NOT NULL,
                created_at   timestamptz NOT NULL DEFAULT now(),
                expires_at   timestamptz NOT NULL,
                PRIMARY KEY (tenant_id, key)
            );
            CREATE INDEX idempotency_keys_expiry ON {schema}.idempotency_keys (expires_at);
            """),

        new(3, "claim tokens", """
            -- The claim that holds a message: what a dispatcher does with it afterwards (complete, retry, dead-letter,
            -- renew its lease) only applies while its claim still holds it, not after another claimed it again.
            ALTER TABLE {schema}.messages ADD COLUMN claimed_by uuid;
            """),

        new(4, "dead letters keep their schedule key", """
            -- So that a replayed scheduled message can still be moved or cancelled by its key.
            ALTER TABLE {schema}.dead_letters ADD COLUMN schedule_key text;
            """),
    ];
}
