-- One row per allowed origin of a tenant. A tenant with no row is unknown: it is allowed no
-- origin. Lengths are in bytes: a tenant name is at most 255, an origin at most 326 (the
-- longest a browser sends); the application checks both, and more, before writing.
CREATE TABLE cors_tenant_origins (
    tenant TEXT NOT NULL CHECK (octet_length(tenant) BETWEEN 1 AND 255),
    origin TEXT NOT NULL CHECK (octet_length(origin) BETWEEN 1 AND 326),
    created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (tenant, origin)
);

-- Every change is announced on the channel `<schema>.cors_tenant_origins`, with the tenant as
-- payload (empty for a TRUNCATE: everything changed), so that every instance listening drops
-- what it cached. PostgreSQL delivers a notification when its transaction commits, once per
-- distinct payload.
CREATE FUNCTION cors_tenant_origins_notify() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    channel text := TG_TABLE_SCHEMA || '.cors_tenant_origins';
BEGIN
    IF TG_OP = 'TRUNCATE' THEN
        PERFORM pg_notify(channel, '');
    ELSIF TG_OP = 'DELETE' THEN
        PERFORM pg_notify(channel, OLD.tenant);
    ELSE
        PERFORM pg_notify(channel, NEW.tenant);
        IF TG_OP = 'UPDATE' AND OLD.tenant <> NEW.tenant THEN
            PERFORM pg_notify(channel, OLD.tenant);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER cors_tenant_origins_changed
    AFTER INSERT OR UPDATE OR DELETE ON cors_tenant_origins
    FOR EACH ROW EXECUTE FUNCTION cors_tenant_origins_notify();

CREATE TRIGGER cors_tenant_origins_truncated
    AFTER TRUNCATE ON cors_tenant_origins
    FOR EACH STATEMENT EXECUTE FUNCTION cors_tenant_origins_notify();
