-- One row per allowed origin of a tenant. A tenant with no row is unknown: it is allowed no
-- origin. Lengths are in bytes: a tenant name is at most 255, an origin at most 326 (the
-- longest a browser sends); the application checks both, and more, before writing.
CREATE TABLE cors_tenant_origins (
    tenant TEXT NOT NULL CHECK (length(CAST(tenant AS BLOB)) BETWEEN 1 AND 255),
    origin TEXT NOT NULL CHECK (length(CAST(origin AS BLOB)) BETWEEN 1 AND 326),
    created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
    PRIMARY KEY (tenant, origin)
) WITHOUT ROWID;
