-- Run once by the postgres image on an empty data directory. Flyway (V1) creates pgcrypto and uuid-ossp too;
-- pgvector needs the superuser, so it is enabled here, where the image's own superuser runs.
CREATE EXTENSION IF NOT EXISTS pgcrypto;
CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
CREATE EXTENSION IF NOT EXISTS vector;
